/**
 * Class 2 of the validation issue: values that carry a credential are refused as literals (they
 * would be written in plain text into cdk.tf.json and the repository) and accepted as tokens.
 */
import { Fn, TerraformVariable } from "cdktf";
import { WebhookAuth, WebhookTarget } from "../../modules/targets";
import { testStack } from "../support/synth";

const HOW =
  "Pass it as a token instead: a sensitive TerraformVariable's stringValue (set with TF_VAR_<name>), or a Secrets Manager or SSM Parameter Store data source attribute";

function setup() {
  const { stack } = testStack();
  const sensitive = (name: string) =>
    new TerraformVariable(stack, name, { type: "string", sensitive: true }).stringValue;
  return { stack, sensitive };
}

describe("secrets in plain text", () => {
  it("refuses a literal Slack webhook URL, without repeating the secret part, and says how to pass it", () => {
    const { stack } = setup();
    expect(() =>
      WebhookTarget.slack(stack, "Slack", { webhookUrl: "https://hooks.slack.com/services/T000/B000/XXXX" }),
    ).toThrow(
      `test/Slack: webhookUrl 'https://hooks.slack.com/…' is a Slack incoming-webhook URL, which is itself a credential, and as a literal string it would be written in plain text into cdk.tf.json (and your repository). ${HOW}, or leave webhookUrl out to get a sensitive variable.`,
    );
  });

  it.each([
    ["https://hooks.slack.com/workflows/T1/A2/3/abc", "is a Slack incoming-webhook URL, which is itself a credential"],
    [
      "https://example.webhook.office.com/webhookb2/abc",
      "is a Microsoft Teams webhook URL, which is itself a credential",
    ],
    ["https://discord.com/api/webhooks/1/abc", "is a Discord webhook URL, which is itself a credential"],
    ["https://user:pa55@events.example.com/hook", "carries a user name and password"],
    ["https://events.example.com/hook?token=abc", "carries the query parameter 'token', a credential"],
    ["https://events.example.com/hook?api_key=abc", "carries the query parameter 'api_key', a credential"],
    ["https://events.example.com/hook?sig=abc&x=1", "carries the query parameter 'sig', a credential"],
  ])("refuses the literal endpoint %s", (endpoint, why) => {
    const { stack } = setup();
    expect(() => new WebhookTarget(stack, "Hook", { endpoint, auth: WebhookAuth.none() })).toThrow(
      `test/Hook: endpoint '${endpoint.replace(/^(https:\/\/[^/?#]+).*$/, "$1/…")}' ${why}, and as a literal string it would be written in plain text into cdk.tf.json (and your repository). ${HOW}, or leave endpoint out to get a sensitive variable.`,
    );
  });

  it.each([
    ["Authorization", "Bearer abc"],
    ["x-api-key", "abc"],
    ["X-Auth-Token", "abc"],
    ["x-client-secret", "abc"],
    ["x-anything", "Basic dXNlcjpwYXNz"],
  ])("refuses a literal value of the credential header %s", (name, value) => {
    const { stack } = setup();
    const build = () =>
      new WebhookTarget(stack, "Hook", {
        endpoint: "https://e.example.com",
        auth: WebhookAuth.none(),
        headers: { [name]: value },
      });
    expect(build).toThrow(
      `test/Hook: headers['${name}'] carries a credential, and as a literal string it would be written in plain text into cdk.tf.json (and your repository). ${HOW}.`,
    );
  });

  it("refuses literal passwords, API keys and client secrets (the auth helpers)", () => {
    const { stack } = setup();
    const target = (id: string, auth: WebhookAuth) => () =>
      new WebhookTarget(stack, id, { endpoint: "https://e.example.com", auth });
    expect(target("A", WebhookAuth.apiKey({ headerName: "x-api-key", value: "abc" }))).toThrow(
      /^test\/A: the API key of the webhook is a literal string/,
    );
    expect(target("B", WebhookAuth.basic({ username: "u", password: "p" }))).toThrow(
      /^test\/B: the password of 'u' at the webhook is a literal string/,
    );
    expect(
      target(
        "C",
        WebhookAuth.oauthClientCredentials({
          authorizationEndpoint: "https://a.example.com/token",
          clientId: "c",
          clientSecret: "s",
        }),
      ),
    ).toThrow(/^test\/C: the OAuth client secret of the webhook is a literal string/);
    expect(() =>
      WebhookAuth.oauthClientCredentials({
        authorizationEndpoint: "https://a.example.com/token?client_secret=s",
        clientId: "c",
      }),
    ).toThrow(
      /^WebhookAuth.oauthClientCredentials: authorizationEndpoint 'https:\/\/a.example.com\/…' carries the query parameter 'client_secret', a credential/,
    );
  });

  describe("accepts the same values as tokens, and harmless literals", () => {
    it("webhook URLs, header values and auth secrets as sensitive variables or Fn.sensitive", () => {
      const { stack, sensitive } = setup();
      expect(() => WebhookTarget.slack(stack, "Slack", { webhookUrl: sensitive("slack_url") })).not.toThrow();
      expect(() => WebhookTarget.slack(stack, "Default")).not.toThrow(); // a sensitive variable of its own
      expect(
        () =>
          new WebhookTarget(stack, "Hook", {
            endpoint: Fn.sensitive("https://hooks.slack.com/services/T/B/X"),
            auth: WebhookAuth.basic({ username: "u", password: sensitive("password") }),
            headers: {
              Authorization: sensitive("authorization"),
              "x-source": "stax",
              "content-type": "application/json",
            },
          }),
      ).not.toThrow();
    });

    it("ordinary https endpoints, with query parameters that are not credentials", () => {
      const { stack } = setup();
      for (const [i, endpoint] of [
        "https://events.example.com/stax",
        "https://e.example.com/h?team=sec&format=json",
        "https://e.example.com:8443/a%20b",
      ].entries()) {
        expect(() => new WebhookTarget(stack, `H${i}`, { endpoint, auth: WebhookAuth.none() })).not.toThrow();
      }
    });
  });
});
