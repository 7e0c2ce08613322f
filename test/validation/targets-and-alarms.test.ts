/**
 * Values of targets and alarms AWS would refuse, or that make a target or alarm useless, refused
 * at synth time with the helper or construct path; the exact limits and tokens accepted.
 */
import { TerraformVariable } from "cdktf";
import { StaxDeliveryAlarms } from "../../modules/alarms";
import { EventField, RuleTargetInput, SecureQueue, Topic, WebhookAuth } from "../../modules/targets";
import { testStack } from "../support/synth";

const ACCOUNT = "123456789012";

describe("webhook credentials", () => {
  const secretOf = () => {
    const { stack } = testStack();
    return new TerraformVariable(stack, "s", { type: "string", sensitive: true }).stringValue;
  };

  it("refuses an empty, too long or ':'-containing user name and client id", () => {
    expect(() => WebhookAuth.basic({ username: "", password: secretOf() })).toThrow(
      "WebhookAuth.basic: username is 0 characters; EventBridge takes 1 to 512. Pass a non-empty username.",
    );
    expect(() => WebhookAuth.basic({ username: "u".repeat(513), password: secretOf() })).toThrow(
      "WebhookAuth.basic: username is 513 characters; EventBridge takes 1 to 512. Pass a shorter username.",
    );
    expect(() => WebhookAuth.basic({ username: "me:you", password: secretOf() })).toThrow(
      "WebhookAuth.basic: username 'me:you' has a ':' or a control character (or is only spaces), which EventBridge refuses. Pass the username without them.",
    );
    const oauth = { authorizationEndpoint: "https://auth.example.com/token", clientSecret: secretOf() };
    expect(() => WebhookAuth.oauthClientCredentials({ ...oauth, clientId: "" })).toThrow(
      "WebhookAuth.oauthClientCredentials: clientId is 0 characters; EventBridge takes 1 to 512. Pass a non-empty clientId.",
    );
  });

  it("accepts 1 and 512 characters, inner spaces and tokens", () => {
    const password = secretOf();
    expect(WebhookAuth.basic({ username: "u", password })).toBeInstanceOf(WebhookAuth);
    expect(WebhookAuth.basic({ username: "u".repeat(512), password })).toBeInstanceOf(WebhookAuth);
    expect(WebhookAuth.basic({ username: "service account", password })).toBeInstanceOf(WebhookAuth);
    const clientId = new TerraformVariable(testStack().stack, "id", { type: "string" }).stringValue;
    expect(
      WebhookAuth.oauthClientCredentials({
        authorizationEndpoint: "https://auth.example.com/token",
        clientId,
        clientSecret: password,
      }),
    ).toBeInstanceOf(WebhookAuth);
  });
});

describe("target input", () => {
  it("refuses a constant input over EventBridge's 8192 characters and accepts exactly 8192", () => {
    expect(() => RuleTargetInput.fromText("x".repeat(8191))).toThrow(
      "RuleTargetInput.fromText: the input is 8193 characters as JSON; EventBridge accepts at most 8192. Send less text, or the event itself.",
    );
    expect(RuleTargetInput.fromText("x".repeat(8190)).bind().input).toHaveLength(8192);
  });

  it("sends '<x>' in constant text as it is, and refuses it beside event fields, where it would be a placeholder", () => {
    expect(RuleTargetInput.fromText("hello <x>").bind()).toEqual({ input: '"hello <x>"' });
    expect(() => RuleTargetInput.fromText(`hello <x> from ${EventField.source}`)).toThrow(
      "RuleTargetInput.fromText: the text '<x>' would be read by EventBridge as a placeholder, because the input has event fields and so becomes an input template (which has no escape for '<' and '>'). Remove the angle brackets or put a space inside them, or use EventField for a value from the event.",
    );
    expect(RuleTargetInput.fromText(`a < x > b ${EventField.source}`).bind().inputTransformer).toBeDefined();
  });

  it("says the wrong JSON type", () => {
    expect(() => RuleTargetInput.fromText(5 as unknown as string)).toThrow(
      "RuleTargetInput.fromText: text is a number; quote it: '5'.",
    );
    expect(() => RuleTargetInput.fromObject(undefined)).toThrow(
      "RuleTargetInput.fromObject: the value is undefined, which is not JSON; pass a value.",
    );
  });
});

describe("delivery alarms", () => {
  it("refuses an email listed twice with the library's message", () => {
    const { stack } = testStack();
    expect(
      () => new StaxDeliveryAlarms(stack, "A", { accountId: ACCOUNT, emails: ["a@example.com", "a@example.com"] }),
    ).toThrow("test/A/Topic: emails lists 'a@example.com' twice; list each once.");
  });

  it("refuses emails beside your own topic, where they would be ignored", () => {
    const { stack } = testStack();
    const topic = Topic.fromArn(`arn:aws:sns:ap-southeast-2:${ACCOUNT}:alerts`);
    expect(() => new StaxDeliveryAlarms(stack, "A", { topic, emails: ["a@example.com"] })).toThrow(
      "test/A: emails are subscribed only to the topic this construct creates, and you passed your own topic. Subscribe the addresses to your topic, or leave topic out.",
    );
  });

  it("refuses a dead-letter age the watched queue's retention never reaches, and accepts one second less", () => {
    const { stack } = testStack();
    const queue = new SecureQueue(stack, "Q");
    const deadLetterQueues = [queue.deadLetterQueue!];
    expect(
      () => new StaxDeliveryAlarms(stack, "A", { accountId: ACCOUNT, deadLetterAgeSeconds: 1209600, deadLetterQueues }),
    ).toThrow(
      "test/A: deadLetterAgeSeconds is 1209600, but test/Q/DeadLetter keeps messages 1209600 seconds, so none gets that old and DeadLetterAge could never fire. Pass a deadLetterAgeSeconds below 1209600, or keep the queue's messages longer.",
    );
    const ok = new StaxDeliveryAlarms(stack, "B", {
      accountId: ACCOUNT,
      deadLetterAgeSeconds: 1209599,
      deadLetterQueues,
    });
    expect(ok.alarms.length).toBe(2);
  });
});
