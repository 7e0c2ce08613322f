import { LambdaFunction } from "@cdktf/provider-aws/lib/lambda-function";
import { Lambda, LambdaTarget, RuleTargetInput } from "../../modules/targets";
import { refOf, resourcesOf } from "../support/synth";
import { ACCOUNT, expectDefaultRetryAndDlq, synthTargets, targetSetup } from "../support/targets";

const FUNCTION_ARN = "arn:aws:lambda:ap-southeast-2:123456789012:function:stax-consumer";

function myFunction(stack: any): LambdaFunction {
  return new LambdaFunction(stack, "Fn", {
    functionName: "fn",
    role: "arn:aws:iam::123456789012:role/fn",
    runtime: "nodejs20.x",
    handler: "index.handler",
    filename: "fn.zip",
  });
}

describe("LambdaTarget", () => {
  it("lets only the rule invoke the function: one permission per rule and function", () => {
    const { stack, rule } = targetSetup();
    const fn = myFunction(stack);
    const target = new LambdaTarget(fn);
    rule("A", target);
    rule("B", target);
    const { synth, targets } = synthTargets(stack);

    const permissions = Object.values(resourcesOf(synth, "aws_lambda_permission"));
    expect(permissions).toHaveLength(2);
    for (const p of permissions) {
      expect(p).toMatchObject({
        action: "lambda:InvokeFunction",
        principal: "events.amazonaws.com",
        function_name: refOf(fn, "arn"),
        source_account: ACCOUNT,
      });
    }
    expect(permissions.map((p: any) => p.source_arn)).toEqual([
      expect.stringMatching(/aws_cloudwatch_event_rule\.A_.*\.arn/),
      expect.stringMatching(/aws_cloudwatch_event_rule\.B_.*\.arn/),
    ]);
    expect(new Set(permissions.map((p: any) => p.statement_id)).size).toBe(2);
    for (const t of targets) expect(t.arn).toBe(refOf(fn, "arn"));
  });

  it("keeps statement ids stable across synths and adds one permission when a rule targets the function twice", () => {
    const ids = () => {
      const { stack, rule } = targetSetup();
      const fn = myFunction(stack);
      rule("A", new LambdaTarget(fn), new LambdaTarget(fn, { input: RuleTargetInput.fromEventPath("$.detail") }));
      return Object.values(resourcesOf(synthTargets(stack).synth, "aws_lambda_permission")).map(
        (p: any) => p.statement_id,
      );
    };
    const first = ids();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^StaxEventRule-[0-9a-f]{8}$/);
    expect(ids()).toEqual(first);
  });

  it("grants on a function known only by ARN with managePolicy, and gives every target a retry policy and the DLQ", () => {
    const { stack, rule } = targetSetup();
    rule("A", new LambdaTarget(Lambda.fromArn(FUNCTION_ARN, { managePolicy: true })));
    const { synth, targets } = synthTargets(stack);
    const [permission] = Object.values(resourcesOf(synth, "aws_lambda_permission"));
    expect(permission.function_name).toBe(FUNCTION_ARN);
    expect(targets[0].arn).toBe(FUNCTION_ARN);
    expect(targets[0].role_arn).toBeUndefined(); // resource-based policy: EventBridge must not get a role
    expectDefaultRetryAndDlq(targets[0]);
  });

  it("accepts qualified function ARNs", () => {
    expect(Lambda.fromArn(`${FUNCTION_ARN}:live`).functionArn).toBe(`${FUNCTION_ARN}:live`);
  });

  describe("rejects bad input", () => {
    it("a function ARN that is not a Lambda function ARN", () => {
      expect(() => Lambda.fromArn("arn:aws:sqs:ap-southeast-2:123456789012:stax-consumer")).toThrow(
        "Lambda.fromArn: 'arn:aws:sqs:ap-southeast-2:123456789012:stax-consumer' is not a Lambda function ARN; expected 'arn:aws:lambda:<region>:<12-digit account>:function:<name>'.",
      );
      expect(() => Lambda.fromArn("arn:aws:lambda:ap-southeast-2:123456789012:layer:x")).toThrow(
        "is not a Lambda function ARN",
      );
      expect(() => Lambda.fromArn("stax-consumer")).toThrow("is not a Lambda function ARN");
    });

    it("a retry policy out of range", () => {
      const { stack, rule } = targetSetup();
      const fn = myFunction(stack);
      expect(() => rule("A", new LambdaTarget(fn, { retryPolicy: { maximumEventAgeSeconds: 86401 } }))).toThrow(
        "test/A: retryPolicy.maximumEventAgeSeconds is 86401; it must be a whole number from 60 to 86400. Pass a value in that range.",
      );
      expect(() => rule("B", new LambdaTarget(fn, { retryPolicy: { maximumRetryAttempts: -1 } }))).toThrow(
        "test/B: retryPolicy.maximumRetryAttempts is -1; it must be a whole number from 0 to 185.",
      );
    });
  });
});
