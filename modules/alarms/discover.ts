/**
 * Finds what the library created in a stack by walking the construct tree. Constructs are
 * recognised by their shape and the Terraform type of the resource they hold (never `instanceof`
 * on provider classes, which breaks when two copies of the provider package are installed):
 *
 * - a rule is a construct with `ruleName`, `ruleArn` and `eventBusName` holding an
 *   `aws_cloudwatch_event_rule` as `rule` (`StaxEventRule`);
 * - a queue is a construct with `queueName` and `queueArn` holding an `aws_sqs_queue` as `queue`
 *   (`SecureQueue`); it is a dead-letter queue when a rule target, a bus or another queue's
 *   redrive policy uses it as one;
 * - a delivery stream is a construct with `streamName` holding an
 *   `aws_kinesis_firehose_delivery_stream` to S3 as `stream` (`FirehoseToS3`);
 * - an API destination is a construct with `apiDestinationArn` holding an
 *   `aws_cloudwatch_event_api_destination` as `destination` (`WebhookTarget`).
 */
import { IConstruct } from "constructs";
import type { IRule } from "../rule/target";
import type { IWatchedDeliveryStream, IWatchedQueue } from "./watched";

/** What the library created in a stack, as the alarms watch it. */
export interface LibraryInventory {
  /** Rules, each with whether one of its targets is an API destination. */
  readonly rules: readonly { readonly rule: IRule; readonly apiDestination: boolean }[];
  /** Queues used as dead-letter queues. */
  readonly deadLetterQueues: readonly IWatchedQueue[];
  /** Firehose delivery streams to S3. */
  readonly deliveryStreams: readonly IWatchedDeliveryStream[];
}

type Loose = IConstruct & Record<string, unknown>;

const terraformType = (value: unknown): string | undefined =>
  typeof value === "object" && value !== null ? ((value as Loose).terraformResourceType as string) : undefined;

const holds = (c: Loose, property: string, type: string): boolean => terraformType(c[property]) === type;

const strings = (c: Loose, ...properties: string[]): boolean => properties.every((p) => typeof c[p] === "string");

/** The library's rules, dead-letter queues and delivery streams under `root`, in tree order. */
export function discoverLibraryResources(root: IConstruct): LibraryInventory {
  const all = root.node.findAll() as Loose[];

  const apiDestinations = new Set(
    all
      .filter((c) => strings(c, "apiDestinationArn") && holds(c, "destination", "aws_cloudwatch_event_api_destination"))
      .map((c) => c.apiDestinationArn as string),
  );

  // ARNs used as dead-letter queues: by rule targets, by buses, and in queue redrive policies.
  const deadLetterArns = new Set<string>();
  const redrivePolicies: string[] = [];
  for (const c of all) {
    const type = terraformType(c);
    if (type === "aws_cloudwatch_event_target" || type === "aws_cloudwatch_event_bus") {
      const arn = (c.deadLetterConfigInput as { arn?: unknown } | undefined)?.arn;
      if (typeof arn === "string") deadLetterArns.add(arn);
    } else if (type === "aws_sqs_queue" && typeof c.redrivePolicyInput === "string") {
      redrivePolicies.push(c.redrivePolicyInput);
    }
  }

  const rules = all
    .filter((c) => strings(c, "ruleName", "ruleArn", "eventBusName") && holds(c, "rule", "aws_cloudwatch_event_rule"))
    .map((c) => ({
      rule: c as unknown as IRule,
      apiDestination: c.node.children.some(
        (t) =>
          terraformType(t) === "aws_cloudwatch_event_target" && apiDestinations.has((t as Loose).arnInput as string),
      ),
    }));

  const deadLetterQueues = all
    .filter((c) => strings(c, "queueName", "queueArn") && holds(c, "queue", "aws_sqs_queue"))
    .filter((c) => {
      const arn = c.queueArn as string;
      return deadLetterArns.has(arn) || redrivePolicies.some((policy) => policy.includes(arn));
    }) as unknown as IWatchedQueue[];

  const deliveryStreams = all.filter(
    (c) =>
      strings(c, "streamName") &&
      holds(c, "stream", "aws_kinesis_firehose_delivery_stream") &&
      (c.stream as Loose).destinationInput === "extended_s3",
  ) as unknown as IWatchedDeliveryStream[];

  return { rules, deadLetterQueues, deliveryStreams };
}
