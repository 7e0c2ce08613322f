import { Construct } from "constructs";
import { Annotations, Lazy } from "cdktf";
import type { IRule } from "../rule/target";
import {
  allowServiceStatement,
  denyInsecureTransportStatement,
  oneOrMany,
  policyDocument,
  PolicyStatement,
} from "./iam";
import { watchPolicyConflicts } from "./policy-conflicts";
import { fail, isUnresolved } from "./errors";
import { appRegistry } from "./app-registry";
import {
  appPolicyKey,
  appSingleton,
  busRulesPatternIn,
  displayValue,
  resourcePolicyId,
  ruleArnIn,
} from "./resource-policy";

/** A resource with one policy in the whole app (a queue, a topic), as that policy sees it. */
export interface PolicedResource {
  /** ARN of the resource. */
  readonly arn: string;
  /** The construct that owns the resource in this app; undefined for a resource known only by ARN. */
  readonly owner?: Construct;
  /** Whether the library writes the policy; undefined: only for a resource it owns. */
  readonly managePolicy?: boolean;
}

/** A kind of collected policy: where the app keeps them and how messages name the resource. */
export interface PolicyKind {
  /** Id of the registry construct the policies live under, in each stack. */
  readonly registryId: string;
  /** Prefix of the id of the policy of a resource known only by ARN, e.g. `Queue`. */
  readonly idPrefix: string;
  /** The resource as messages name it, e.g. `queue`. */
  readonly noun: string;
  /** The helper that refers to such a resource by ARN, e.g. `Queue.fromArn`. */
  readonly fromArn: string;
  /** Longest the resource ARN can be (for size estimates when it is a token). */
  readonly arnMaxLength: number;
}

/** Whether the library writes the policy of `resource`: when asked, else only for one it owns. */
function managesPolicy(resource: PolicedResource): boolean {
  return resource.managePolicy ?? resource.owner !== undefined;
}

/** What a {@link CollectedServicePolicy} is about and the limit its service sets. */
export interface CollectedPolicyOptions {
  /** ARN of the resource the policy is attached to. */
  readonly resourceArn: string;
  /** The resource as messages name it, e.g. `queue 'arn:…'`. */
  readonly resourceName: string;
  /** Wildcard action of the TLS-only deny, e.g. `sqs:*`. */
  readonly tlsDenyAction: string;
  /** Whether the library writes the policy (false: it only tells the owner what to add). */
  readonly managed: boolean;
  /** Largest policy document the service accepts, in bytes. */
  readonly limitBytes: number;
  /** Longest the resource ARN can be (for size estimates when it is a token). */
  readonly resourceArnMaxLength: number;
  /** How the user lets the library write the whole policy, e.g. `pass managePolicy: true to Queue.fromArn`. */
  readonly manageHint: string;
}

interface Source {
  /** The rule or ARN as the user should read it (literal, or a Terraform expression). */
  readonly display: () => { readonly arn: string; readonly pattern?: string };
  readonly arn: string;
  readonly maxLength: number;
  readonly pattern?: string;
  /** Tells the rules' buses apart: the literal pattern, or the bus ARN. */
  readonly busKey: string;
}

interface Grant {
  readonly service: string;
  readonly actions: readonly string[];
  readonly sources: Map<string, Source>;
}

/**
 * Base of the one policy of a resource (an SQS queue, an SNS topic): grants to service principals,
 * one statement per sid, each scoped with `aws:SourceArn` to every rule of the app that asked for
 * it, then a deny of requests without TLS. The document is rendered once, at synthesis; its size
 * is estimated with every ARN at its longest, and when one ARN per rule would exceed the service's
 * limit, each statement names the rules of each bus with one pattern
 * (`ArnLike arn:<partition>:events:<region>:<account>:rule/<bus>/*`) instead: any rule on those
 * buses may then deliver, not only the library's.
 *
 * A resource the library does not own (known only by ARN) gets no policy resource: synthesis warns
 * with the statements its owner must add, and {@link policyStatements} returns them.
 */
export abstract class CollectedServicePolicy extends Construct {
  /** The policy document, rendered at synthesis. */
  protected readonly document: string = Lazy.stringValue({ produce: () => this.render() });
  private readonly bySid = new Map<string, Grant>();
  private readonly principalsBySid = new Map<string, { actions: readonly string[]; principals: string[] }>();
  private reported = false;

  protected constructor(
    scope: Construct,
    id: string,
    private readonly options: CollectedPolicyOptions,
  ) {
    super(scope, id);
    this.node.addValidation({ validate: () => this.check() });
    watchPolicyConflicts(this);
  }

  /** Whether the library writes this policy (false for a resource known only by ARN, unless asked to). */
  public get managed(): boolean {
    return this.options.managed;
  }

  /**
   * Lets `service` perform `actions` when the request comes from `source`: a rule (added once per
   * rule and sid), or the ARN (or ARN pattern) of other sources, e.g. CloudWatch alarms.
   */
  protected grant(sid: string, service: string, actions: readonly string[], source: IRule | string): void {
    const entry = this.bySid.get(sid) ?? { service, actions, sources: new Map<string, Source>() };
    const key = typeof source === "string" ? source : source.node.path;
    if (!entry.sources.has(key)) {
      entry.sources.set(key, typeof source === "string" ? this.arnSource(source) : this.ruleSource(source));
    }
    this.bySid.set(sid, entry);
  }

  /**
   * Lets the IAM role `principalArn` (spelled out: it is in another account, and another stack)
   * perform `actions`: the execution role of a rule in another account that delivers here.
   */
  protected grantPrincipal(sid: string, principalArn: string, actions: readonly string[]): void {
    const entry = this.principalsBySid.get(sid) ?? { actions, principals: [] };
    if (!entry.principals.includes(principalArn)) entry.principals.push(principalArn);
    this.principalsBySid.set(sid, entry);
  }

  private arnSource(arn: string): Source {
    const display = { arn: displayValue(this, arn) };
    return {
      arn,
      pattern: arn,
      busKey: arn,
      maxLength: isUnresolved(arn) ? 256 : arn.length,
      display: () => ({ ...display, pattern: display.arn }),
    };
  }

  private ruleSource(rule: IRule): Source {
    const shape = rule.arnShape;
    const { managed, resourceName } = this.options;
    const arn = managed ? ruleArnIn(this, rule, resourceName) : (shape?.literal ?? rule.ruleArn);
    const pattern = managed ? busRulesPatternIn(this, rule) : (shape?.literalBusRulesPattern ?? shape?.busRulesPattern);
    return {
      arn,
      pattern,
      busKey: shape?.literalBusRulesPattern ?? rule.eventBusArn,
      maxLength: shape?.maxLength ?? 400,
      display: () => ({
        arn: displayValue(rule, arn),
        pattern: pattern === undefined ? undefined : displayValue(rule, pattern),
      }),
    };
  }

  /**
   * The statements the library writes (or, for a resource it does not manage, that the owner must
   * add). ARNs known only at apply are shown as Terraform expressions (`${aws_cloudwatch_event_rule.x.arn}`).
   */
  public policyStatements(): PolicyStatement[] {
    const resource = displayValue(this, this.options.resourceArn);
    const allows = this.statements(
      (s) => s.display().arn,
      (s) => s.display().pattern!,
      resource,
      this.usesBusWildcard(),
    );
    return this.options.managed ? [...allows, this.denyStatement(resource)] : allows;
  }

  /** Whether the policy names the rules of each bus with one pattern, because one ARN per rule would exceed the limit. */
  public usesBusWildcard(): boolean {
    return this.estimate(false) > this.options.limitBytes && this.canUseWildcard();
  }

  /** Estimated size of the document in bytes, with every ARN known only at apply at its longest. */
  public estimatedSize(): number {
    return this.estimate(this.usesBusWildcard());
  }

  private canUseWildcard(): boolean {
    return [...this.bySid.values()].every((g) => [...g.sources.values()].every((s) => s.pattern !== undefined));
  }

  private estimate(wildcard: boolean): number {
    const resource = "x".repeat(this.options.resourceArnMaxLength);
    const x = (s: Source): string => "x".repeat(s.maxLength);
    const statements = this.statements(x, x, resource, wildcard);
    const all = this.options.managed ? [...statements, this.denyStatement(resource)] : statements;
    return Buffer.byteLength(policyDocument(all));
  }

  private statements(
    arnOf: (s: Source) => string,
    patternOf: (s: Source) => string,
    resource: string,
    wildcard: boolean,
  ): PolicyStatement[] {
    const toRoles = [...this.principalsBySid.entries()].map(
      ([sid, { actions, principals }]): PolicyStatement => ({
        Sid: sid,
        Effect: "Allow",
        Principal: { AWS: oneOrMany(principals) },
        Action: oneOrMany(actions),
        Resource: resource,
      }),
    );
    const toServices = [...this.bySid.entries()].map(([sid, { service, actions, sources }]) => {
      const list = [...sources.values()];
      const byKey = new Map<string, string>();
      for (const s of list) byKey.set(wildcard ? s.busKey : s.arn, wildcard ? patternOf(s) : arnOf(s));
      const sourceArns = [...byKey.values()];
      // ArnEquals also matches wildcards, but ArnLike says so to the reader (e.g. the alarms of a prefix)
      const patterns = wildcard || sourceArns.some((arn) => /[*?]/.test(arn));
      return allowServiceStatement({
        sid,
        service,
        actions,
        resource,
        sourceArns,
        sourceArnOperator: patterns ? "ArnLike" : "ArnEquals",
      });
    });
    return [...toServices, ...toRoles];
  }

  private denyStatement(resource: string): PolicyStatement {
    return denyInsecureTransportStatement(this.options.tlsDenyAction, [resource]);
  }

  private render(): string {
    const wildcard = this.usesBusWildcard();
    const resource = this.options.resourceArn;
    const statements = this.statements(
      (s) => s.arn,
      (s) => s.pattern!,
      resource,
      wildcard,
    );
    return policyDocument([...statements, this.denyStatement(resource)]);
  }

  private check(): string[] {
    const { limitBytes, resourceName, managed, manageHint } = this.options;
    const perRule = this.estimate(false);
    const size = this.estimatedSize();
    if (size > limitBytes) {
      const why = this.canUseWildcard()
        ? "even with one pattern per bus"
        : "and some rules have no known ARN shape to fall back to one pattern per bus";
      return [
        `the policy of ${resourceName} is estimated at ${size} bytes ${why}; the limit is ${limitBytes}. Spread the rules over more resources.`,
      ];
    }
    if (this.reported) return [];
    this.reported = true;
    if (this.usesBusWildcard()) {
      Annotations.of(this).addWarning(
        `one ARN per rule would make the policy of ${resourceName} about ${perRule} bytes (limit ${limitBytes}), so it allows every rule on the rules' buses (ArnLike 'rule/<bus>/*') instead.`,
      );
    }
    if (!managed && (this.bySid.size > 0 || this.principalsBySid.size > 0)) {
      Annotations.of(this).addWarning(
        `${resourceName} is not managed by this app, so the library writes no policy for it. Its owner must add these statements to its policy (or ${manageHint} to let the library write the whole policy): ${JSON.stringify(this.policyStatements())}`,
      );
    }
    return [];
  }
}

/**
 * The one policy of `resource` in the app, made by `create` on first use (in the stack that owns
 * the resource) and found by every later caller; refuses callers that disagree on `managePolicy`.
 */
export function collectedPolicyFor<P extends CollectedServicePolicy>(
  scope: Construct,
  kind: PolicyKind,
  resource: PolicedResource,
  create: (registry: Construct, id: string) => P,
): P {
  const id = resourcePolicyId(kind.idPrefix, resource.arn, resource.owner);
  const policy = appSingleton(scope, kind.registryId, id, resource.owner, create);
  const wanted = managesPolicy(resource);
  if (policy.managed !== wanted) {
    fail(
      scope,
      `${kind.noun} '${resource.arn}' is referred to with managePolicy ${wanted} here and ${policy.managed} by ${policy.node.path}; a ${kind.noun} has one policy. Pass the same managePolicy everywhere.`,
    );
  }
  return policy;
}

/** The statements the app collected for the policy of `resource`; empty when nothing asked for any. */
export function collectedStatements(scope: Construct, kind: PolicyKind, resource: PolicedResource): PolicyStatement[] {
  const key = appPolicyKey(resourcePolicyId(kind.idPrefix, resource.arn, resource.owner), resource.owner);
  return appRegistry<CollectedServicePolicy>(scope, kind.registryId).get(key)?.policyStatements() ?? [];
}

/** The options of the policy of `resource` that follow from its kind; the caller adds the service's. */
export function collectedPolicyOptions(
  kind: PolicyKind,
  resource: PolicedResource,
): Pick<CollectedPolicyOptions, "resourceArn" | "resourceName" | "managed" | "resourceArnMaxLength" | "manageHint"> {
  const arn = resource.arn;
  return {
    resourceArn: arn,
    resourceName: isUnresolved(arn) ? `${kind.noun} ${resource.owner?.node.path ?? arn}` : `${kind.noun} '${arn}'`,
    managed: managesPolicy(resource),
    resourceArnMaxLength: isUnresolved(arn) ? kind.arnMaxLength : arn.length,
    manageHint: `pass managePolicy: true to ${kind.fromArn}`,
  };
}
