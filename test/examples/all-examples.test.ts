/**
 * Rules every example must follow, checked on what it synthesizes: every event target retries and
 * has a dead-letter queue, and no IAM policy document allows a wildcard action or the `*`
 * resource. Documented exceptions:
 * - Deny statements may use a service wildcard (`sqs:*`): a Deny only restricts. The library's
 *   only ones deny requests without TLS.
 * - A KMS key policy's `Resource: "*"` means "this key" (a key policy cannot name its own key).
 */
import { exampleNames, FoundStatement, listOf, policyStatements, synthExample } from "../support/examples";

const examples = exampleNames().flatMap((name) =>
  synthExample(name).map(({ stack, synth }) => ({ name: `${name}/${stack.node.id}`, synth })),
);

function isTlsDeny(s: any): boolean {
  return s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false";
}

function problems(found: FoundStatement): string[] {
  const { statement: s, type, where } = found;
  const out: string[] = [];
  if (s.NotAction || s.NotResource || s.NotPrincipal) out.push(`${where}: uses NotAction/NotResource/NotPrincipal`);
  if (s.Effect === "Deny") {
    if (!isTlsDeny(s) && listOf(s.Action).some((a) => a.includes("*")))
      out.push(`${where}: wildcard Deny that is not the TLS-only deny`);
    return out;
  }
  for (const action of listOf(s.Action)) if (action.includes("*")) out.push(`${where}: wildcard action '${action}'`);
  const keyPolicy = type === "aws_kms_key" || type === "aws_kms_key_policy";
  const trust = where.endsWith(".assume_role_policy");
  if (!keyPolicy && !trust && listOf(s.Resource).includes("*")) out.push(`${where}: '*' resource`);
  if (s.Principal?.Service && !s.Condition)
    out.push(`${where}: service principal ${JSON.stringify(s.Principal.Service)} without a source condition`);
  return out;
}

describe("every example", () => {
  it("was found", () => {
    expect(exampleNames()).toEqual(expect.arrayContaining(["firehose-to-s3", "lambda-consumer", "slack-webhook"]));
  });

  it("would be caught writing a wildcard action, a '*' resource or an unscoped service principal", () => {
    const at = (type: string, statement: any): FoundStatement => ({ where: `${type}.x.policy`, type, statement });
    expect(
      problems(at("aws_iam_role_policy", { Effect: "Allow", Action: ["s3:*"], Resource: ["arn:aws:s3:::b"] })),
    ).toEqual(["aws_iam_role_policy.x.policy: wildcard action 's3:*'"]);
    expect(problems(at("aws_iam_role_policy", { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }))).toEqual([
      "aws_iam_role_policy.x.policy: '*' resource",
    ]);
    expect(
      problems(
        at("aws_sqs_queue_policy", {
          Effect: "Allow",
          Principal: { Service: "events.amazonaws.com" },
          Action: "sqs:SendMessage",
          Resource: "arn:aws:sqs:r:1:q",
        }),
      ),
    ).toEqual(['aws_sqs_queue_policy.x.policy: service principal "events.amazonaws.com" without a source condition']);
    expect(
      problems(
        at("aws_sqs_queue_policy", { Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: "arn:aws:sqs:r:1:q" }),
      ),
    ).toEqual(["aws_sqs_queue_policy.x.policy: wildcard Deny that is not the TLS-only deny"]);
    expect(
      problems(
        at("aws_kms_key", {
          Effect: "Allow",
          Principal: { Service: "events.amazonaws.com" },
          Action: "kms:Decrypt",
          Resource: "*",
          Condition: {},
        }),
      ),
    ).toEqual([]);
  });

  describe.each(examples)("$name", ({ synth }) => {
    it("gives every event target a retry policy and a dead-letter queue", () => {
      const targets = Object.values<any>(synth.resource?.aws_cloudwatch_event_target ?? {});
      for (const t of targets) {
        expect(t.retry_policy).toEqual({
          maximum_event_age_in_seconds: expect.any(Number),
          maximum_retry_attempts: expect.any(Number),
        });
        expect(t.dead_letter_config?.arn).toEqual(expect.any(String));
      }
    });

    it("writes no IAM policy with a wildcard action or a '*' resource", () => {
      const found = policyStatements(synth);
      expect(found.length).toBeGreaterThan(0);
      expect(found.flatMap(problems)).toEqual([]);
    });
  });
});
