/**
 * The CloudFormation template `OrganizationForwarding` deploys into every account and region of
 * its organisational units: the same forwarding `ServiceEventForwarder` builds with Terraform
 * (a rule on the `default` bus, a target to the destination with one role per account, a retry
 * policy and a dead-letter queue in the region), written as a StackSet template.
 */
import type { Construct } from "constructs";
import type { EventPattern } from "../pattern/types";
import { fail } from "../private/errors";
import {
  allowServiceStatement,
  denyInsecureTransportStatement,
  policyDocument,
  serviceTrustPolicy,
  trustedSources,
} from "../private/iam";

/** What the forwarding template is made of. */
export interface ForwardingTemplateOptions {
  /** ARN of the destination bus. */
  readonly destinationArn: string;
  /** The events to forward. */
  readonly eventPattern: EventPattern;
  /** Name of the rule in every account and region. */
  readonly ruleName: string;
  /** Name of the role, the same in every account (IAM names are account-wide). */
  readonly roleName: string;
  /** The one region where the role is created; the other regions refer to it by name. */
  readonly roleRegion: string;
  /** Every region the template is deployed to: the role trusts the rule of each. */
  readonly regions: readonly string[];
  /** Seconds EventBridge keeps trying an event. */
  readonly maximumEventAgeSeconds: number;
  /** Retries of an event. */
  readonly maximumRetryAttempts: number;
  /** Whether undeliverable events go to a dead-letter queue in the region. */
  readonly deadLetterQueue: boolean;
  /** Description of the template and the rule. */
  readonly description: string;
}

/** A CloudFormation template as a JSON object. */
export interface CloudFormationTemplate {
  /** Template format version. */
  readonly AWSTemplateFormatVersion: "2010-09-09";
  /** What the template deploys. */
  readonly Description: string;
  /** Conditions, by name (`IsRoleRegion`). */
  readonly Conditions: { readonly [name: string]: unknown };
  /** Resources, by logical id. */
  readonly Resources: { readonly [logicalId: string]: { readonly Type: string; readonly [key: string]: unknown } };
}

/**
 * CloudFormation intrinsics travel through the library's policy builders as opaque values: the
 * builders never look inside a value, so `{ "Ref": ... }` objects come out where they went in.
 */
function intrinsic(value: object): string {
  return value as unknown as string;
}

const ACCOUNT_ID = intrinsic({ Ref: "AWS::AccountId" });
const RULE_ARN = intrinsic({ "Fn::GetAtt": ["ForwardingRule", "Arn"] });
const QUEUE_ARN = intrinsic({ "Fn::GetAtt": ["DeadLetterQueue", "Arn"] });

/**
 * The trust policy of the forwarding role: only the template's rule, in this account. The rules of
 * the other regions live in other stacks, so their ARNs are written out, one per region; when that
 * list would exceed IAM's trust-policy limit in some account (many regions, a long rule name), one
 * pattern over the rule's name in any region of the account replaces it (`ArnLike`
 * `arn:<partition>:events:*:<account>:rule/<rule name>`), which CloudFormation would otherwise
 * refuse in every account.
 */
function forwardingRoleTrust(options: ForwardingTemplateOptions): string {
  const ruleArn = (region: string) =>
    intrinsic({ "Fn::Sub": `arn:\${AWS::Partition}:events:${region}:\${AWS::AccountId}:rule/${options.ruleName}` });
  const trust = { service: "events.amazonaws.com", sourceAccount: ACCOUNT_ID };
  const sources = trustedSources({
    ...trust,
    sourceArns: options.regions.map(ruleArn),
    pattern: ruleArn("*"),
    length: deployedLength,
  });
  return serviceTrustPolicy({ ...trust, ...sources });
}

/**
 * Length of a policy as IAM counts it in a deployed stack (no whitespace), with the account id and
 * the partition at their longest (`aws-iso-b`, `aws-us-gov`).
 */
function deployedLength(policy: string): number {
  return policy
    .replace(/\{"Ref":"AWS::AccountId"\}/g, '"123456789012"')
    .replace(/\{"Fn::Sub":"((?:[^"\\]|\\.)*)"\}/g, (_whole, text: string) =>
      JSON.stringify(
        text.replace(/\$\{AWS::Partition\}/g, "aws-us-gov").replace(/\$\{AWS::AccountId\}/g, "123456789012"),
      ),
    )
    .replace(/\s/g, "").length;
}

/** The forwarding template (one IAM role per account, created in `roleRegion` only). */
export function forwardingTemplate(options: ForwardingTemplateOptions): CloudFormationTemplate {
  const target: Record<string, unknown> = {
    Id: "Destination",
    Arn: options.destinationArn,
    RoleArn: { "Fn::Sub": `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/${options.roleName}` },
    RetryPolicy: {
      MaximumEventAgeInSeconds: options.maximumEventAgeSeconds,
      MaximumRetryAttempts: options.maximumRetryAttempts,
    },
  };
  const resources: Record<string, { Type: string; [key: string]: unknown }> = {
    ForwardingRole: {
      Type: "AWS::IAM::Role",
      Condition: "IsRoleRegion",
      Properties: {
        RoleName: options.roleName,
        Description: "Lets EventBridge put forwarded AWS service events on the destination bus, and nothing else",
        AssumeRolePolicyDocument: JSON.parse(forwardingRoleTrust(options)),
        Policies: [
          {
            PolicyName: "least-privilege",
            PolicyDocument: JSON.parse(
              policyDocument([{ Effect: "Allow", Action: ["events:PutEvents"], Resource: [options.destinationArn] }]),
            ),
          },
        ],
      },
    },
    ForwardingRule: {
      Type: "AWS::Events::Rule",
      Properties: {
        Name: options.ruleName,
        Description: options.description,
        EventBusName: "default",
        EventPattern: options.eventPattern,
        State: "ENABLED",
        Targets: [target],
      },
    },
  };
  if (options.deadLetterQueue) {
    target.DeadLetterConfig = { Arn: QUEUE_ARN };
    resources.DeadLetterQueue = {
      Type: "AWS::SQS::Queue",
      Properties: { SqsManagedSseEnabled: true, MessageRetentionPeriod: 1209600 },
    };
    resources.DeadLetterQueuePolicy = {
      Type: "AWS::SQS::QueuePolicy",
      Properties: {
        Queues: [{ Ref: "DeadLetterQueue" }],
        PolicyDocument: JSON.parse(
          policyDocument([
            allowServiceStatement({
              sid: "AllowEventBridgeDeadLetters",
              service: "events.amazonaws.com",
              actions: ["sqs:SendMessage"],
              resource: QUEUE_ARN,
              sourceArns: [RULE_ARN],
            }),
            denyInsecureTransportStatement("sqs:*", [QUEUE_ARN]),
          ]),
        ),
      },
    };
  }
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Description: options.description,
    Conditions: { IsRoleRegion: { "Fn::Equals": [{ Ref: "AWS::Region" }, options.roleRegion] } },
    Resources: resources,
  };
}

/** Largest template CloudFormation takes inline (`TemplateBody`), in bytes. */
export const MAX_TEMPLATE_BODY_BYTES = 51200;

/**
 * Refuses a template over CloudFormation's `TemplateBody` limit, which would fail the StackSet
 * (the pattern and the role's trust policy are what grow it).
 */
export function checkTemplateBodySize(scope: Construct, template: CloudFormationTemplate): void {
  const bytes = new TextEncoder().encode(JSON.stringify(template)).length;
  if (bytes > MAX_TEMPLATE_BODY_BYTES)
    fail(
      scope,
      `the StackSet template is ${bytes} bytes; CloudFormation takes at most ${MAX_TEMPLATE_BODY_BYTES} in TemplateBody. Forward a smaller eventPattern (split it over several OrganizationForwarding constructs).`,
    );
}
