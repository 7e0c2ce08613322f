import { Token } from "cdktf";
import { StaxEventBus } from "../../modules/bus";
import { StaxEventRule } from "../../modules/rule";
import { EventBusTarget, Queue } from "../../modules/targets";
import { parsed, resourcesOf, synthObject, testStack } from "../support/synth";

const DESTINATION = "arn:aws:events:us-east-1:210987654321:event-bus/security";

describe("EventBusTarget", () => {
  it("sends through a role allowed only events:PutEvents on the destination, trusted for the rule", () => {
    const { stack } = testStack();
    const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "s" });
    new StaxEventRule(stack, "R", {
      bus,
      eventPattern: bus.securityEvents.select(),
      targets: [new EventBusTarget(DESTINATION)],
    });
    const synth = synthObject(stack);

    const [target] = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target"));
    expect(target.arn).toBe(DESTINATION);
    expect(target.role_arn).toMatch(/aws_iam_role\..*\.arn/);
    const [policy] = Object.values(resourcesOf(synth, "aws_iam_role_policy"));
    expect(parsed(policy.policy).Statement).toEqual([
      { Effect: "Allow", Action: ["events:PutEvents"], Resource: [DESTINATION] },
    ]);
    const [role] = Object.values(resourcesOf(synth, "aws_iam_role"));
    expect(parsed(role.assume_role_policy).Statement[0].Condition.StringEquals).toEqual({
      "aws:SourceAccount": "123456789012",
    });
  });

  it("refuses the rule's own bus as destination", () => {
    const { stack } = testStack();
    const bus = new StaxEventBus(stack, "Bus", { accountId: "123456789012", sourceName: "s" });
    expect(
      () =>
        new StaxEventRule(stack, "R", {
          bus,
          eventPattern: bus.securityEvents.select(),
          targets: [new EventBusTarget(bus.eventBusArn)],
        }),
    ).toThrow(/^test\/R: Target0: the destination .* is the rule's own bus, which would loop. Target another bus.$/);
  });

  it("refuses an ARN that is not an event bus ARN", () => {
    expect(() => new EventBusTarget("arn:aws:sqs:us-east-1:210987654321:queue")).toThrow(
      "EventBusTarget: 'arn:aws:sqs:us-east-1:210987654321:queue' is not an event bus ARN; expected 'arn:aws:events:<region>:<12-digit account>:event-bus/<name>'.",
    );
  });
});

describe("Queue.fromArn", () => {
  it("derives the URL, including in the China partition", () => {
    expect(Queue.fromArn("arn:aws-cn:sqs:cn-north-1:123456789012:q.fifo")).toMatchObject({
      queueUrl: "https://sqs.cn-north-1.amazonaws.com.cn/123456789012/q.fifo",
      fifo: true,
    });
  });

  it("refuses a token, whose URL cannot be derived", () => {
    expect(() => Queue.fromArn(Token.asString({ ref: 1 }))).toThrow(
      "Queue.fromArn: the ARN is a token, and the queue URL (which the queue policy is attached by) is derived from a literal ARN. Pass queueUrl (and fifo: true for a FIFO queue) in the options, e.g. from an aws_sqs_queue data source, or pass the ARN as a literal.",
    );
  });
});
