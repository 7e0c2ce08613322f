/**
 * The CloudWatch metrics the delivery alarms watch, as data: namespace, metric, statistic and
 * what it means when the alarm fires. Names and dimensions follow the CloudWatch documentation of
 * EventBridge (`AWS/Events`), SQS (`AWS/SQS`) and Firehose (`AWS/Firehose`).
 */

/** What a delivery alarm watches. */
export type DeliveryAlarmKind =
  | "FailedInvocations"
  | "InvocationsFailedToBeSentToDlq"
  | "ThrottledRules"
  | "ApiDestinationFailures"
  | "DeadLetterMessages"
  | "DeadLetterAge"
  | "DeliveryFreshness";

/** The alarms every watched rule gets (rules that target an API destination also get `ApiDestinationFailures`). */
export const RULE_ALARM_KINDS: readonly DeliveryAlarmKind[] = [
  "FailedInvocations",
  "InvocationsFailedToBeSentToDlq",
  "ThrottledRules",
];

/** The alarms every watched dead-letter queue gets. */
export const DEAD_LETTER_ALARM_KINDS: readonly DeliveryAlarmKind[] = ["DeadLetterMessages", "DeadLetterAge"];

/** The alarms every watched Firehose stream to S3 gets. */
export const STREAM_ALARM_KINDS: readonly DeliveryAlarmKind[] = ["DeliveryFreshness"];

/** How one kind of alarm reads its metric. */
export interface DeliveryMetric {
  /** CloudWatch namespace. */
  readonly namespace: "AWS/Events" | "AWS/SQS" | "AWS/Firehose";
  /** Metric name. */
  readonly metricName: string;
  /** Statistic over each period. */
  readonly statistic: "Sum" | "Maximum";
  /** What it means when the alarm fires, for the alarm description (the subject is prepended). */
  readonly meaning: string;
}

/** The metric of each kind of alarm. */
export const DELIVERY_METRICS: Readonly<Record<DeliveryAlarmKind, DeliveryMetric>> = {
  FailedInvocations: {
    namespace: "AWS/Events",
    metricName: "FailedInvocations",
    statistic: "Sum",
    meaning:
      "a target failed permanently: events were not delivered (they are in the dead-letter queue, if it has one)",
  },
  InvocationsFailedToBeSentToDlq: {
    namespace: "AWS/Events",
    metricName: "InvocationsFailedToBeSentToDlq",
    statistic: "Sum",
    meaning: "events could be neither delivered nor put in the dead-letter queue: they are lost for good",
  },
  ThrottledRules: {
    namespace: "AWS/Events",
    metricName: "ThrottledRules",
    statistic: "Sum",
    meaning: "EventBridge throttled the rule (invocations quota): delivery is delayed",
  },
  ApiDestinationFailures: {
    namespace: "AWS/Events",
    metricName: "InvocationsSentToDlq",
    statistic: "Sum",
    meaning: "the webhook (API destination) refused events or kept failing until EventBridge gave up",
  },
  DeadLetterMessages: {
    namespace: "AWS/SQS",
    metricName: "ApproximateNumberOfMessagesVisible",
    statistic: "Maximum",
    meaning: "undelivered events are waiting in the dead-letter queue: fix the target, then redrive them",
  },
  DeadLetterAge: {
    namespace: "AWS/SQS",
    metricName: "ApproximateAgeOfOldestMessage",
    statistic: "Maximum",
    meaning:
      "undelivered events have waited in the dead-letter queue too long: redrive them before retention drops them",
  },
  DeliveryFreshness: {
    namespace: "AWS/Firehose",
    metricName: "DeliveryToS3.DataFreshness",
    statistic: "Maximum",
    meaning: "the oldest record in the stream has not reached S3 in time: delivery to the bucket is failing or late",
  },
};

/**
 * The dimensions of an EventBridge rule metric. Rules on the `default` bus are published with
 * `RuleName` only; rules on any other bus (custom or partner) with `EventBusName` and `RuleName`.
 * A bus given by ARN is named by the ARN's last part; a bus name that is a token is taken to be a
 * custom bus (the default bus is always named `default`).
 */
export function ruleDimensions(ruleName: string, eventBusName: string | undefined): Record<string, string> {
  const marker = ":event-bus/";
  const name =
    eventBusName !== undefined && eventBusName.startsWith("arn:") && eventBusName.includes(marker)
      ? eventBusName.slice(eventBusName.indexOf(marker) + marker.length)
      : eventBusName;
  return name === undefined || name === "default" ? { RuleName: ruleName } : { EventBusName: name, RuleName: ruleName };
}
