import {
  FunctionPermissions,
  Lambda,
  LambdaTarget,
  Queue,
  QueuePolicy,
  SqsTarget,
  Topic,
  TopicPolicy,
  SnsTarget,
} from "../../modules/targets";
import { resourcesOf, synthObject, warningsOf } from "../support/synth";
import { ACCOUNT, synthTargets, targetSetup } from "../support/targets";

const QUEUE_ARN = "arn:aws:sqs:ap-southeast-2:123456789012:owned-elsewhere";
const TOPIC_ARN = "arn:aws:sns:ap-southeast-2:123456789012:owned-elsewhere";
const FUNCTION_ARN = "arn:aws:lambda:ap-southeast-2:123456789012:function:owned-elsewhere";
const RULE_ARN = `arn:aws:events:ap-southeast-2:${ACCOUNT}:rule/aws.partner/stax.io/${ACCOUNT}/security-events/test-A`;

describe("resources known only by ARN keep their owner's policy", () => {
  it("writes no queue policy, warns with the exact statement to add, and returns it as data", () => {
    const { stack, rule } = targetSetup();
    const queue = Queue.fromArn(QUEUE_ARN);
    rule("A", new SqsTarget(queue));
    const synth = synthObject(stack);

    const urls = Object.values(resourcesOf(synth, "aws_sqs_queue_policy")).map((p: any) => p.queue_url);
    expect(urls.some((u) => u.endsWith("/owned-elsewhere"))).toBe(false);
    const expected = [
      {
        Sid: "AllowEventBridgeRules",
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sqs:SendMessage",
        Resource: QUEUE_ARN,
        Condition: { ArnEquals: { "aws:SourceArn": RULE_ARN } },
      },
    ];
    expect(QueuePolicy.statementsFor(stack, queue)).toEqual(expected);
    const warning = warningsOf(stack).find((w) => w.includes(QUEUE_ARN));
    expect(warning).toContain(
      `queue '${QUEUE_ARN}' is not managed by this app, so the library writes no policy for it. Its owner must add these statements to its policy (or pass managePolicy: true to Queue.fromArn to let the library write the whole policy): ${JSON.stringify(expected)}`,
    );
  });

  it("writes no topic policy and tells the owner what to add", () => {
    const { stack, rule } = targetSetup();
    const topic = Topic.fromArn(TOPIC_ARN);
    rule("A", new SnsTarget(topic));
    const synth = synthObject(stack);
    expect(resourcesOf(synth, "aws_sns_topic_policy")).toEqual({});
    expect(TopicPolicy.statementsFor(stack, topic)).toEqual([
      expect.objectContaining({
        Action: "sns:Publish",
        Resource: TOPIC_ARN,
        Condition: { ArnEquals: { "aws:SourceArn": RULE_ARN } },
      }),
    ]);
    expect(warningsOf(stack).join("\n")).toContain(`topic '${TOPIC_ARN}' is not managed by this app`);
  });

  it("adds no Lambda permission and tells the owner which statement to add", () => {
    const { stack, rule } = targetSetup();
    const fn = Lambda.fromArn(FUNCTION_ARN);
    rule("A", new LambdaTarget(fn));
    const synth = synthObject(stack);
    expect(resourcesOf(synth, "aws_lambda_permission")).toEqual({});
    expect(FunctionPermissions.statementsFor(stack, fn)).toEqual([
      {
        Sid: expect.stringMatching(/^StaxEventRule-[0-9a-f]{8}$/),
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "lambda:InvokeFunction",
        Resource: FUNCTION_ARN,
        Condition: { StringEquals: { "AWS:SourceAccount": ACCOUNT }, ArnLike: { "AWS:SourceArn": RULE_ARN } },
      },
    ]);
    expect(warningsOf(stack).join("\n")).toContain(`function '${FUNCTION_ARN}' is not managed by this app`);
  });

  it("leaves a dead-letter queue known by ARN alone too, and warns once per queue however often synthesized", () => {
    const { stack, rule } = targetSetup();
    const dlq = Queue.fromArn(QUEUE_ARN);
    rule("A", new SqsTarget(Queue.fromArn(`${QUEUE_ARN}-2`), { deadLetterQueue: dlq }));
    synthTargets(stack);
    synthTargets(stack);
    expect(QueuePolicy.statementsFor(stack, dlq)).toEqual([
      expect.objectContaining({ Sid: "AllowEventBridgeDeadLetters", Resource: QUEUE_ARN }),
    ]);
    expect(warningsOf(stack).filter((w) => w.includes(`queue '${QUEUE_ARN}' is not managed`))).toHaveLength(1);
  });

  it("writes the whole policy when asked with managePolicy", () => {
    const { stack, rule } = targetSetup();
    rule("A", new SqsTarget(Queue.fromArn(QUEUE_ARN, { managePolicy: true })));
    const urls = Object.values(resourcesOf(synthObject(stack), "aws_sqs_queue_policy")).map((p: any) => p.queue_url);
    expect(urls).toContain("https://sqs.ap-southeast-2.amazonaws.com/123456789012/owned-elsewhere");
    expect(warningsOf(stack).join("\n")).not.toContain("is not managed");
  });

  it("refuses one queue referred to with and without managePolicy", () => {
    const { rule } = targetSetup();
    rule("A", new SqsTarget(Queue.fromArn(QUEUE_ARN)));
    expect(() => rule("B", new SqsTarget(Queue.fromArn(QUEUE_ARN, { managePolicy: true })))).toThrow(
      `test/B: queue '${QUEUE_ARN}' is referred to with managePolicy true here and false by test/StaxQueuePolicies/Queue-`,
    );
  });
});
