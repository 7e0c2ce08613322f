import { IRule, RuleTargetConfig } from "../rule/target";
import { checkOptionKeys, RETRY_POLICY_KEYS, checkQueueOrFalse, checkBindable } from "../private/validation";
import { checkRange } from "../private/errors";
import { checkDeadLetterPlace, resourcePlace } from "./cross-account";
import { defaultTargetDeadLetterQueue, grantDeadLetter } from "./dead-letter";
import { RuleTargetInput } from "./input";
import { IQueue } from "./queue";

/** How EventBridge retries delivery to a target. */
export interface RetryPolicy {
  /** Seconds EventBridge keeps trying an event (60 to 86400). @default 86400 */
  readonly maximumEventAgeSeconds?: number;
  /** Retries of an event (0 to 185). @default 185 */
  readonly maximumRetryAttempts?: number;
}

/** Options every target takes: retries, dead-letter queue and input. */
export interface TargetBaseProps {
  /** Retry policy of the target. @default { maximumEventAgeSeconds: 86400, maximumRetryAttempts: 185 } */
  readonly retryPolicy?: RetryPolicy;
  /**
   * Queue for events EventBridge could not deliver after its retries (a standard queue in the
   * rule's account and region); `false` turns it off, which loses those events.
   * @default - one shared, encrypted dead-letter queue per stack and region
   */
  readonly deadLetterQueue?: IQueue | false;
  /** What the target receives. @default - the whole event */
  readonly input?: RuleTargetInput;
}

/** The retry, dead-letter and input part of a target block, with the DLQ's permission created. */
export function bindTargetBase(rule: IRule, props: TargetBaseProps): Partial<RuleTargetConfig> {
  checkOptionKeys(rule, "retryPolicy", props.retryPolicy, RETRY_POLICY_KEYS);
  checkQueueOrFalse(rule, "deadLetterQueue", props.deadLetterQueue);
  checkBindable(rule, "input", props.input, "RuleTargetInput.fromText(...), fromObject(...) or fromEventPath(...)");
  const maximumEventAgeInSeconds = props.retryPolicy?.maximumEventAgeSeconds ?? 86400;
  const maximumRetryAttempts = props.retryPolicy?.maximumRetryAttempts ?? 185;
  checkRange(rule, "retryPolicy.maximumEventAgeSeconds", maximumEventAgeInSeconds, 60, 86400);
  checkRange(rule, "retryPolicy.maximumRetryAttempts", maximumRetryAttempts, 0, 185);
  const dlq =
    props.deadLetterQueue === false ? undefined : (props.deadLetterQueue ?? defaultTargetDeadLetterQueue(rule));
  if (dlq) checkDeadLetterPlace(rule, resourcePlace(rule, dlq.queueArn, dlq.provider, dlq.owner));
  return {
    retryPolicy: { maximumEventAgeInSeconds, maximumRetryAttempts },
    deadLetterConfig: dlq ? { arn: grantDeadLetter(rule, dlq) } : undefined,
    ...(props.input?.bind() ?? {}),
  };
}
