import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { IAM_TRUST_POLICY_LIMIT, PolicyStatement, policyDocument, serviceTrustPolicy } from "./iam";
import { physicalName } from "./naming";
import { fail } from "./errors";

/** Actions a {@link ServiceRole} allows on named resources. */
export interface ServiceRoleGrant {
  /** The actions (no wildcards). */
  readonly actions: readonly string[];
  /** The named resources. */
  readonly resources: readonly string[];
  /** Conditions of the grant, e.g. `{ StringEquals: { "kms:ViaService": "s3.<region>.amazonaws.com" } }`. @default - none */
  readonly condition?: PolicyStatement["Condition"];
}

/** Options of {@link ServiceRole}. */
export interface ServiceRoleProps {
  /** Service that assumes the role. @default "events.amazonaws.com" */
  readonly service?: string;
  /** Account whose resources may assume it (`aws:SourceAccount`). */
  readonly sourceAccount: string;
  /** Resources that may assume it (`aws:SourceArn`, `ArnEquals`). @default - sourceArnPatterns must be given */
  readonly sourceArns?: readonly string[];
  /**
   * ARN patterns of the resources that may assume it (`aws:SourceArn`, `ArnLike`), for when the
   * exact ARNs cannot be referred to; only over names the library chose.
   * @default - sourceArns must be given
   */
  readonly sourceArnPatterns?: readonly string[];
  /** The only actions the role allows (no wildcards). */
  readonly actions: readonly string[];
  /** The named resources those actions are allowed on. */
  readonly resources: readonly string[];
  /**
   * Further allow statements, each its own actions on its own resources (e.g. S3 actions on a
   * bucket and KMS actions on its key), so no action is allowed on a resource it does not need.
   * @default - none
   */
  readonly additionalGrants?: readonly ServiceRoleGrant[];
  /** Provider of the role. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/**
 * A least-privilege role for a service (EventBridge by default): trust scoped to the source
 * account and the source ARNs (confused-deputy protection), one inline policy allowing only the named actions on the named resources.
 */
export class ServiceRole extends Construct {
  /** ARN of the role. */
  public readonly roleArn: string;
  /** The role resource. */
  public readonly role: IamRole;
  /** The role's inline policy (resources that need the permissions at creation depend on it). */
  public readonly policy: IamRolePolicy;

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    const grants: ServiceRoleGrant[] = [
      { actions: props.actions, resources: props.resources },
      ...(props.additionalGrants ?? []),
    ];
    for (const action of grants.flatMap((g) => g.actions)) {
      if (action.includes("*")) fail(this, `action '${action}' has a wildcard; name the actions.`);
    }
    if (grants.some((g) => g.resources.length === 0 || g.resources.includes("*"))) {
      fail(this, `a grant has no resource or the '*' resource; name the resources.`);
    }
    this.role = new IamRole(this, "Role", {
      provider: props.provider,
      name: physicalName(this, { maxLength: 64, illegal: /[^A-Za-z0-9+=,.@_-]/g }),
      assumeRolePolicy: serviceTrustPolicy({
        service: props.service ?? "events.amazonaws.com",
        sourceAccount: props.sourceAccount,
        sourceArns: props.sourceArns,
        sourceArnPatterns: props.sourceArnPatterns,
      }),
    });
    this.policy = new IamRolePolicy(this, "Policy", {
      provider: props.provider,
      name: "least-privilege",
      role: this.role.id,
      policy: policyDocument(
        grants.map((g) => ({
          Effect: "Allow",
          Action: [...g.actions],
          Resource: [...g.resources],
          ...(g.condition ? { Condition: g.condition } : {}),
        })),
      ),
    });
    this.roleArn = this.role.arn;
    this.node.addValidation({ validate: () => this.checkPolicySizes() });
  }

  private checkPolicySizes(): string[] {
    const errors: string[] = [];
    const size = estimatedLength(this.policy.policyInput ?? "");
    if (size > IAM_INLINE_POLICIES_LIMIT) {
      errors.push(
        `the role's inline policy is estimated at ${size} characters (values known only at apply at 256); IAM allows ${IAM_INLINE_POLICIES_LIMIT} for all inline policies of a role. Split the targets over more rules or roles.`,
      );
    }
    const trust = estimatedLength(this.role.assumeRolePolicyInput ?? "");
    if (trust > IAM_TRUST_POLICY_LIMIT) {
      errors.push(
        `the role's trust policy is estimated at ${trust} characters (values known only at apply at 256); IAM allows ${IAM_TRUST_POLICY_LIMIT} by default (quota "Role trust policy length", up to 4096). Trust fewer sources per role.`,
      );
    }
    return errors;
  }
}

/** Most characters IAM allows for all inline policies of one role together (whitespace not counted). */
export const IAM_INLINE_POLICIES_LIMIT = 10240;

/** Length of a document with every token (a value known only at apply) counted at 256 characters. */
export function estimatedLength(text: string): number {
  return text.replace(/\$\{TfToken\[[^\]]+\]\}/g, "x".repeat(256)).replace(/\s/g, "").length;
}
