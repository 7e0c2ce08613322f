import { SfnStateMachine } from "@cdktf/provider-aws/lib/sfn-state-machine";
import { RuleTargetInput, StateMachine, StepFunctionsTarget } from "../../modules/targets";
import { refOf } from "../support/synth";
import { ACCOUNT, expectDefaultRetryAndDlq, roleOf, synthTargets, targetSetup } from "../support/targets";

const MACHINE_ARN = "arn:aws:states:ap-southeast-2:123456789012:stateMachine:respond-to-stax-events";

describe("StepFunctionsTarget", () => {
  it("starts executions through a role allowed only states:StartExecution on that state machine", () => {
    const { stack, rule } = targetSetup();
    const machine = new SfnStateMachine(stack, "Machine", {
      name: "m",
      roleArn: "arn:aws:iam::123456789012:role/m",
      definition: "{}",
    });
    rule("A", new StepFunctionsTarget(machine, { input: RuleTargetInput.fromEventPath("$.detail") }));
    const { synth, targets } = synthTargets(stack);

    const [target] = targets;
    expect(target.arn).toBe(refOf(machine, "arn"));
    expect(target.input_path).toBe("$.detail");
    expectDefaultRetryAndDlq(target);
    const role = roleOf(synth, target.role_arn);
    expect(role.policies).toEqual([
      {
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: ["states:StartExecution"], Resource: [refOf(machine, "arn")] }],
      },
    ]);
    expect(role.trust.Statement).toEqual([
      {
        Effect: "Allow",
        Principal: { Service: "events.amazonaws.com" },
        Action: "sts:AssumeRole",
        Condition: {
          StringEquals: { "aws:SourceAccount": ACCOUNT },
          ArnEquals: { "aws:SourceArn": expect.stringMatching(/aws_cloudwatch_event_rule\.A_.*\.arn/) },
        },
      },
    ]);
  });

  it("grants on a state machine known only by ARN, and uses a role you pass", () => {
    const { stack, rule } = targetSetup();
    rule("A", new StepFunctionsTarget(StateMachine.fromArn(MACHINE_ARN)));
    rule(
      "B",
      new StepFunctionsTarget(StateMachine.fromArn(MACHINE_ARN), {
        role: { roleArn: "arn:aws:iam::123456789012:role/mine" },
      }),
    );
    const { synth, targets } = synthTargets(stack);
    expect(roleOf(synth, targets[0].role_arn).policies[0].Statement[0].Resource).toEqual([MACHINE_ARN]);
    expect(targets[1].role_arn).toBe("arn:aws:iam::123456789012:role/mine");
  });

  describe("rejects bad input", () => {
    it("a state machine ARN that is not one", () => {
      expect(() => StateMachine.fromArn("arn:aws:states:ap-southeast-2:123456789012:activity:x")).toThrow(
        "StateMachine.fromArn: 'arn:aws:states:ap-southeast-2:123456789012:activity:x' is not a Step Functions state machine ARN; expected 'arn:aws:states:<region>:<12-digit account>:stateMachine:<name>'.",
      );
    });

    it("a retry policy out of range", () => {
      const { rule } = targetSetup();
      expect(() =>
        rule(
          "A",
          new StepFunctionsTarget(StateMachine.fromArn(MACHINE_ARN), { retryPolicy: { maximumEventAgeSeconds: 30 } }),
        ),
      ).toThrow("test/A: retryPolicy.maximumEventAgeSeconds is 30; it must be a whole number from 60 to 86400.");
    });
  });
});
