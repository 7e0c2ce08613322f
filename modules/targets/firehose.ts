import { TerraformProvider } from "cdktf";
import { KinesisFirehoseDeliveryStream } from "@cdktf/provider-aws/lib/kinesis-firehose-delivery-stream";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { referenceOf } from "../private/resource-type";
import { checkArn } from "../private/arn";
import { bindRoleTarget, RoleTargetProps } from "./target-role";
import { checkPropKeys } from "../private/validation";

/** A Firehose delivery stream a rule can put records on: a resource of yours, one known by ARN, or a `FirehoseToS3`. */
export interface IDeliveryStream {
  /** ARN of the delivery stream. */
  readonly deliveryStreamArn: string;
  /** Provider (account and region) of the stream. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Ways to refer to a Firehose delivery stream. */
export class DeliveryStream {
  /** Refers to an existing stream by ARN (`arn:aws:firehose:<region>:<account>:deliverystream/<name>`). */
  public static fromArn(
    deliveryStreamArn: string,
    options: { readonly provider?: TerraformProvider } = {},
  ): IDeliveryStream {
    checkArn("DeliveryStream.fromArn", deliveryStreamArn, {
      service: "firehose",
      resource: /^deliverystream\/[A-Za-z0-9_.-]{1,64}$/,
      what: "a Firehose delivery stream",
      expected: "arn:aws:firehose:<region>:<12-digit account>:deliverystream/<name>",
    });
    return { deliveryStreamArn, provider: options.provider };
  }

  /** Refers to a delivery stream resource of yours (`aws_kinesis_firehose_delivery_stream`). */
  public static fromResource(stream: KinesisFirehoseDeliveryStream): IDeliveryStream {
    return { deliveryStreamArn: stream.arn, provider: stream.provider };
  }

  private constructor() {}
}

/** Properties of a {@link FirehoseTarget}. */
export type FirehoseTargetProps = RoleTargetProps;

/**
 * Puts events on a Firehose delivery stream through a role trusted by EventBridge for this rule
 * only (`aws:SourceArn`, and `aws:SourceAccount` when the rule's account is known) and allowed
 * only `firehose:PutRecord` and `firehose:PutRecordBatch` on that stream.
 */
export class FirehoseTarget implements IRuleTarget {
  private readonly stream: IDeliveryStream;

  constructor(
    stream: IDeliveryStream | KinesisFirehoseDeliveryStream,
    private readonly props: FirehoseTargetProps = {},
  ) {
    checkPropKeys("FirehoseTarget", props, { role: true, retryPolicy: true, deadLetterQueue: true, input: true });
    this.stream = referenceOf("FirehoseTarget", stream, {
      terraformType: "aws_kinesis_firehose_delivery_stream",
      referenceField: "deliveryStreamArn",
      resourceClass: "KinesisFirehoseDeliveryStream",
      fromArn: "DeliveryStream.fromArn",
      fromResource: DeliveryStream.fromResource,
    });
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    return bindRoleTarget(
      rule,
      targetId,
      this.stream.deliveryStreamArn,
      ["firehose:PutRecord", "firehose:PutRecordBatch"],
      this.props,
    );
  }
}
