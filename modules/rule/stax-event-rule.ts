import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { CloudwatchEventRule } from "@cdktf/provider-aws/lib/cloudwatch-event-rule";
import { CloudwatchEventTarget } from "@cdktf/provider-aws/lib/cloudwatch-event-target";
import { IEventBus } from "../bus/event-bus";
import { EventPattern } from "../pattern/types";
import { PatternError, renderPattern, validatePattern } from "../pattern";
import { checkRange, fail } from "../private/errors";
import { jsonKind } from "../private/messages";
import { physicalName } from "../private/naming";
import {
  checkDescription,
  checkName,
  checkRequired,
  checkTags,
  checkType,
  RULE_NAME,
  checkPropKeys,
} from "../private/validation";
import { checkInputPathsReach, checkPatternCatalogueReach, checkPatternReach } from "./reach";
import type { StaxDetailType } from "../events/catalogue";
import { displayValue } from "../private/resource-policy";
import { claimRuleName } from "../private/wiring";
import { RuleArnShape, ruleArnShape } from "./rule-arn";
import { IRule, IRuleTarget, RuleTargetConfig } from "./target";

/** EventBridge allows at most this many targets on one rule. */
export const MAX_TARGETS_PER_RULE = 5;

/** Properties of a {@link StaxEventRule}. */
export interface StaxEventRuleProps {
  /** Bus the rule listens on. */
  readonly bus: IEventBus;
  /** Events the rule selects; build it with `bus.securityEvents`, presets or the `Match` helpers. */
  readonly eventPattern: EventPattern;
  /** Name of the rule (at most 64 letters, digits, '.', '-' or '_'). @default - the stack name and the construct path (see README "Physical names"), stable and unique per account and region */
  readonly ruleName?: string;
  /** Description of the rule. @default - none */
  readonly description?: string;
  /** Whether the rule is enabled. @default true */
  readonly enabled?: boolean;
  /** Targets to add at once (more can be added with `addTarget`). @default - none */
  readonly targets?: readonly IRuleTarget[];
  /** Longest rendered pattern allowed; raise it only if your account has a raised quota. @default 2048 */
  readonly maxPatternLength?: number;
  /** Tags on the rule. @default - no tags */
  readonly tags?: { readonly [key: string]: string };
  /**
   * Accept Stax detail-types, `detail` fields and values the event catalogue does not know (for
   * events Stax publishes before the catalogue lists them): the catalogue checks of the pattern and
   * of the targets' input paths warn instead of failing, and a well-formed future detail-type is
   * not reported.
   * @default false
   */
  readonly allowUncatalogued?: boolean;
}

/**
 * A rule on an event bus with a validated event pattern and up to five targets.
 *
 * @example
 * ```ts
 * new StaxEventRule(this, "FailedLogins", {
 *   bus,
 *   eventPattern: bus.securityEvents.failedLogins(),
 *   targets: [new SqsTarget(new SecureQueue(this, "FailedLoginsQueue"))],
 * });
 * ```
 */
export class StaxEventRule extends Construct implements IRule {
  public readonly ruleName: string;
  public readonly ruleArn: string;
  public readonly eventBusName: string;
  public readonly eventBusArn: string;
  public readonly provider?: TerraformProvider;
  public readonly accountId?: string;
  public readonly arnShape: RuleArnShape;
  /** The pattern the rule was given (an object; `matches` and `toMatchEvent` accept it). */
  public readonly eventPattern: EventPattern;
  /** The rule resource. */
  public readonly rule: CloudwatchEventRule;
  private readonly targets: CloudwatchEventTarget[] = [];
  private readonly bound: { target: IRuleTarget; key: string; id: string }[] = [];
  private readonly allowUncatalogued: boolean;
  private readonly detailTypes?: readonly StaxDetailType[];

  constructor(scope: Construct, id: string, props: StaxEventRuleProps) {
    super(scope, id);
    checkRequired(this, props, {
      bus: [
        "object",
        "the bus the rule listens on: a StaxEventBus, a SecurityEventCollector, forwarder.defaultBus(region), or an object with eventBusName and eventBusArn",
      ],
      eventPattern: ["object", "the events to select, e.g. bus.securityEvents.failedLogins()"],
    });
    checkPropKeys(this, props, {
      bus: true,
      eventPattern: true,
      ruleName: true,
      description: true,
      enabled: true,
      targets: true,
      maxPatternLength: true,
      tags: true,
      allowUncatalogued: true,
    });
    checkType(this, "targets", props.targets, "list");
    this.ruleName = props.ruleName ?? physicalName(this, { maxLength: 64, illegal: /[^.\-_A-Za-z0-9]/g });
    checkName(this, "ruleName", this.ruleName, RULE_NAME);
    checkDescription(this, "description", props.description);
    checkType(this, "enabled", props.enabled, "boolean");
    checkType(this, "maxPatternLength", props.maxPatternLength, "number");
    checkRange(this, "maxPatternLength", props.maxPatternLength, 1, Number.MAX_SAFE_INTEGER);
    checkTags(this, "tags", props.tags);
    checkType(this, "allowUncatalogued", props.allowUncatalogued, "boolean");
    this.eventPattern = props.eventPattern;
    try {
      validatePattern(props.eventPattern, { maxLength: props.maxPatternLength, maxLengthOption: "maxPatternLength" });
    } catch (e) {
      if (e instanceof PatternError) fail(this, e.message);
      throw e;
    }
    checkPatternReach(this, props.bus, props.eventPattern);
    this.allowUncatalogued = props.allowUncatalogued === true;
    this.detailTypes = checkPatternCatalogueReach(this, props.bus, props.eventPattern, this.allowUncatalogued);
    this.eventBusName = props.bus.eventBusName;
    this.eventBusArn = props.bus.eventBusArn;
    this.provider = props.bus.provider;
    this.accountId = props.bus.accountId;
    this.rule = new CloudwatchEventRule(this, "Rule", {
      provider: this.provider,
      name: this.ruleName,
      description: props.description,
      eventBusName: this.eventBusName,
      eventPattern: renderPattern(props.eventPattern),
      state: props.enabled === false ? "DISABLED" : "ENABLED",
      tags: props.tags,
    });
    this.ruleArn = this.rule.arn;
    this.arnShape = ruleArnShape(this, props.bus, this.ruleName);
    claimRuleName(this, props.bus, this.ruleName);
    for (const target of props.targets ?? []) this.addTarget(target);
  }

  /**
   * Adds a target: the target creates its own permissions and returns its block. Target ids are
   * `Target0` … `Target4` in the order added, so resource addresses stay stable. Adding the same
   * target twice (the same object, or the same destination with the same input) is refused: the
   * rule would deliver every event twice.
   */
  public addTarget(target: IRuleTarget): void {
    const index = this.targets.length;
    if (target === null || typeof target !== "object" || typeof target.bind !== "function") {
      fail(
        this,
        `target ${index} is ${jsonKind(target)}, not a rule target; pass a target such as new SqsTarget(queue) or new LambdaTarget(fn).`,
      );
    }
    const again = this.bound.find((b) => b.target === target);
    if (again) {
      fail(
        this,
        `this target is already the rule's ${again.id}; adding it again would deliver every event twice. Add it once.`,
      );
    }
    if (index >= MAX_TARGETS_PER_RULE) {
      fail(
        this,
        `cannot add a ${ordinal(index + 1)} target; EventBridge allows ${MAX_TARGETS_PER_RULE} targets per rule. Create another rule with the same pattern for the extra targets.`,
      );
    }
    const targetId = `Target${index}`;
    const config = target.bind(this, targetId);
    this.refuseDuplicate(target, targetId, config);
    if (this.detailTypes !== undefined) {
      const paths = [config.inputPath, ...Object.values(inputPathsOf(config))];
      checkInputPathsReach(this, targetId, paths, this.detailTypes, this.allowUncatalogued);
    }
    this.targets.push(
      new CloudwatchEventTarget(this, targetId, {
        ...config,
        provider: this.provider,
        rule: this.rule.name,
        eventBusName: this.eventBusName,
        targetId,
      }),
    );
  }

  private refuseDuplicate(target: IRuleTarget, targetId: string, config: RuleTargetConfig): void {
    const key = JSON.stringify([config.arn, config.input, config.inputPath, config.inputTransformer]);
    const same = this.bound.find((b) => b.key === key);
    if (same) {
      fail(
        this,
        `${targetId} delivers to '${displayValue(this, config.arn)}' with the same input as ${same.id}; the rule would deliver every event twice. Remove one of them.`,
      );
    }
    this.bound.push({ target, key, id: targetId });
  }
}

/** The input paths of a target's input transformer (none when it has none, or they are a token). */
function inputPathsOf(config: RuleTargetConfig): { readonly [name: string]: unknown } {
  const paths = (config.inputTransformer as { inputPaths?: unknown } | undefined)?.inputPaths;
  return paths !== null && typeof paths === "object" ? (paths as { [name: string]: unknown }) : {};
}

function ordinal(n: number): string {
  return n === 1 ? "1st" : n === 2 ? "2nd" : n === 3 ? "3rd" : `${n}th`;
}
