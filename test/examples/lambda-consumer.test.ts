import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { App } from "cdktf";
import { STAX_DETAIL_TYPES } from "../../modules/events";
import { subjectOf, summarise } from "../../examples/lambda-consumer/handler";
import { buildApp, buildHandler } from "../../examples/lambda-consumer/main";
import { synthExample } from "../support/examples";
import { sampleEvent, sampleStaxEvent, variantEvents } from "../support/fixtures";
import { onlyResource, parsed } from "../support/synth";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";

describe("example: lambda-consumer", () => {
  const [{ synth }] = synthExample("lambda-consumer");

  it("synthesizes what its snapshot shows (a change here is an API change to review)", () => {
    expect(synth).toMatchSnapshot();
  });

  describe("the handler", () => {
    it.each(STAX_DETAIL_TYPES)("summarises %s with who, what, outcome, organisation and time", (type) => {
      const event = sampleStaxEvent(type);
      expect(summarise(event)).toEqual({
        detailType: type,
        outcome: event.detail.status,
        actor: event.detail.meta.user?.email ?? event.detail.meta.user?.id ?? "no Stax user",
        organisation: event.detail.meta.organization.name,
        time: event.detail.staxEventTime,
        subject: subjectOf(event.detail),
      });
    });

    it("copes with events without a user, without an email and without names", () => {
      const variants = Object.fromEntries(variantEvents());
      expect(summarise(variants["no-user"])).toMatchObject({ actor: "no Stax user", outcome: "SUCCESS" });
      expect(summarise(variants["user-email-only"]).actor).toBe("jane.citizen@example.com");
      expect(summarise(variants["required-names-only"])).toMatchObject({
        actor: "04f8996d-a763-47a9-a9b1-028ee3007569",
        organisation: "e87cb45c-05ad-489d-a890-4ea398345c24",
      });
      expect(summarise(sampleStaxEvent("AccountManagement: AccountUpdateEvent"))).toMatchObject({
        actor: "no Stax user",
        outcome: "FAILED",
        subject: "AWS account 'payments-production'",
      });
    });

    it("says what each event is about", () => {
      expect(subjectOf(sampleEvent("UserAuthenticationEvent").detail)).toBe(
        "jane.citizen@example.com signed in with Login (Federated)",
      );
      expect(subjectOf(sampleEvent("GroupAddMemberEvent").detail)).toBe(
        "sam.smith@example.com added to group 'platform-engineers'",
      );
      expect(subjectOf(sampleEvent("ApiTokenCreateEvent").detail)).toBe("API token 'ci-pipeline'");
    });

    it("compiles with the tsc command line (not the compiler API) to a dependency-free script that runs", async () => {
      const source = fs.readFileSync(path.join(__dirname, "../../examples/lambda-consumer/main.ts"), "utf8");
      expect(source).toContain('require.resolve("typescript/bin/tsc")');
      expect(source).not.toMatch(/from "typescript"/);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stax-handler-"));
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const compiled = require(path.join(buildHandler(undefined, dir), "index.js"));
        const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
        const result = await compiled.handler(sampleEvent("UserAuthenticationEvent"), {}, () => undefined);
        expect(result).toMatchObject({ detailType: "Security: UserAuthenticationEvent", outcome: "FAILED" });
        expect(JSON.parse(log.mock.calls[0][0])).toEqual(result);
        log.mockRestore();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it("zips the compiled handler into the stack's assets when synthesized", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "stax-example-"));
    try {
      const app = new App({ outdir });
      const [stack] = buildApp(app);
      app.synth();
      const stackDir = path.join(outdir, "stacks", stack.node.id);
      const fn = onlyResource(
        JSON.parse(fs.readFileSync(path.join(stackDir, "cdk.tf.json"), "utf8")),
        "aws_lambda_function",
      );
      const zip = fs.readFileSync(path.join(stackDir, fn.filename));
      expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
      expect(zip.includes(Buffer.from("index.js"))).toBe(true);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it("lets the function write only its own logs and failure queue", () => {
    const policy = parsed(onlyResource(synth, "aws_iam_role_policy").policy);
    expect(policy.Statement).toEqual([
      {
        Effect: "Allow",
        Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
        Resource: ["${aws_cloudwatch_log_group.FunctionLogs.arn}:*"],
      },
      {
        Effect: "Allow",
        Action: ["sqs:SendMessage"],
        Resource: [expect.stringMatching(/^\$\{aws_sqs_queue\.FunctionFailures_Queue_.*\.arn\}$/)],
      },
    ]);
  });

  describeWithTerraform("with terraform", () => {
    let plan: any;
    beforeAll(() => {
      plan = planStack(synth).plan;
    });

    it("plans the function and an invoke permission for EventBridge from the rule only", () => {
      expect(plannedOfType(plan, "aws_lambda_function").map((r) => r.values)).toEqual([
        expect.objectContaining({
          function_name: "stax-lambda-consumer",
          runtime: "nodejs22.x",
          handler: "index.handler",
          architectures: ["arm64"],
        }),
      ]);
      const permissions = plannedOfType(plan, "aws_lambda_permission");
      expect(permissions.map((p) => p.values)).toEqual([
        expect.objectContaining({
          action: "lambda:InvokeFunction",
          principal: "events.amazonaws.com",
          source_account: "123456789012",
          statement_id: expect.stringMatching(/^StaxEventRule-/),
        }),
      ]);
      const change = plan.resource_changes.find((c: any) => c.address === permissions[0].address);
      expect(change.change.after_unknown).toMatchObject({ source_arn: true, function_name: true });
    });

    it("plans the target with a retry policy and the dead-letter queue", () => {
      const [target] = plannedOfType(plan, "aws_cloudwatch_event_target");
      expect(target.values.retry_policy).toEqual([
        { maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 },
      ]);
      expect(target.values.role_arn).toBeNull();
      const change = plan.resource_changes.find((c: any) => c.address === target.address);
      expect(change.change.after_unknown.dead_letter_config).toEqual([{ arn: true }]);
    });

    it("plans the log group with a retention and one role for the function, trusted by Lambda in this account", () => {
      expect(plannedOfType(plan, "aws_cloudwatch_log_group").map((r) => r.values)).toEqual([
        expect.objectContaining({ name: "/aws/lambda/stax-lambda-consumer", retention_in_days: 365 }),
      ]);
      const roles = plannedOfType(plan, "aws_iam_role");
      expect(roles).toHaveLength(1);
      expect(JSON.parse(roles[0].values.assume_role_policy).Statement).toEqual([
        {
          Effect: "Allow",
          Principal: { Service: "lambda.amazonaws.com" },
          Action: "sts:AssumeRole",
          Condition: { StringEquals: { "aws:SourceAccount": "123456789012" } },
        },
      ]);
    });
  });
});
