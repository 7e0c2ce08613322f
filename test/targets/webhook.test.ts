import { TerraformVariable } from "cdktf";
import { STAX_DETAIL_TYPES } from "../../modules/events";
import { WebhookAuth, WebhookTarget } from "../../modules/targets";
import { onlyResource, refOf } from "../support/synth";
import { sampleStaxEvent, variantEvents } from "../support/fixtures";
import { expectDefaultRetryAndDlq, renderTransformer, roleOf, synthTargets, targetSetup } from "../support/targets";

describe("WebhookTarget", () => {
  it("calls the endpoint through a connection, a rate-limited destination and a role allowed only InvokeApiDestination on it", () => {
    const { stack, rule } = targetSetup();
    const hook = new WebhookTarget(stack, "Pager", {
      endpoint: "https://events.example.com/stax",
      auth: WebhookAuth.apiKey({ headerName: "x-api-key" }),
      headers: { "x-source": "stax" },
    });
    rule("A", hook);
    rule("B", hook);
    const { synth, targets } = synthTargets(stack);

    const destination = onlyResource(synth, "aws_cloudwatch_event_api_destination");
    expect(destination).toMatchObject({
      name: "test-Pager",
      invocation_endpoint: "https://events.example.com/stax",
      http_method: "POST",
      invocation_rate_limit_per_second: 10,
      connection_arn: refOf(hook.connection, "arn"),
    });
    for (const t of targets) {
      expect(t.arn).toBe(refOf(hook.destination, "arn"));
      expect(t.http_target).toEqual({ header_parameters: { "x-source": "stax" } });
      expectDefaultRetryAndDlq(t);
      expect(roleOf(synth, t.role_arn).policies[0].Statement).toEqual([
        { Effect: "Allow", Action: ["events:InvokeApiDestination"], Resource: [refOf(hook.destination, "arn")] },
      ]);
    }
    expect(new Set(targets.map((t) => t.role_arn)).size).toBe(2); // a role per rule, each trusted for its rule
  });

  it("keeps secrets out of the configuration: sensitive variables when left out, tokens when passed", () => {
    const { stack, rule } = targetSetup();
    const password = new TerraformVariable(stack, "password", { type: "string", sensitive: true });
    rule(
      "A",
      new WebhookTarget(stack, "ApiKeyHook", {
        endpoint: "https://a.example.com",
        auth: WebhookAuth.apiKey({ headerName: "x-api-key" }),
      }),
      new WebhookTarget(stack, "BasicHook", {
        endpoint: "https://b.example.com",
        auth: WebhookAuth.basic({ username: "stax", password: password.stringValue }),
      }),
      new WebhookTarget(stack, "OAuthHook", {
        endpoint: "https://c.example.com",
        auth: WebhookAuth.oauthClientCredentials({
          authorizationEndpoint: "https://auth.example.com/token",
          clientId: "stax",
          scope: "events",
        }),
      }),
    );
    const { synth } = synthTargets(stack);

    expect(synth.variable).toEqual({
      password: { type: "string", sensitive: true },
      api_key_hook_api_key: { type: "string", sensitive: true, nullable: false, description: "API key of the webhook" },
      oauth_hook_client_secret: {
        type: "string",
        sensitive: true,
        nullable: false,
        description: "OAuth client secret of the webhook",
      },
    });
    const connections = Object.values(synth.resource.aws_cloudwatch_event_connection) as any[];
    expect(connections.map((c) => c.authorization_type)).toEqual(["API_KEY", "BASIC", "OAUTH_CLIENT_CREDENTIALS"]);
    expect(connections[0].auth_parameters.api_key).toEqual({ key: "x-api-key", value: "${var.api_key_hook_api_key}" });
    expect(connections[1].auth_parameters.basic).toEqual({ username: "stax", password: "${var.password}" });
    expect(connections[2].auth_parameters.oauth).toEqual({
      authorization_endpoint: "https://auth.example.com/token",
      http_method: "POST",
      client_parameters: { client_id: "stax", client_secret: "${var.oauth_hook_client_secret}" },
      oauth_http_parameters: {
        body: [
          { key: "grant_type", value: "client_credentials", is_value_secret: false },
          { key: "scope", value: "events", is_value_secret: false },
        ],
      },
    });
    expect(synth.output).toBeUndefined();
  });

  describe("Slack preset", () => {
    it("posts to a secret webhook URL at Slack's rate, with a readable message", () => {
      const { stack, rule } = targetSetup();
      const slack = WebhookTarget.slack(stack, "SlackAlerts");
      rule("A", slack);
      const { synth, targets } = synthTargets(stack);

      expect(synth.variable).toEqual({
        slack_alerts_endpoint: {
          type: "string",
          sensitive: true,
          nullable: false,
          description: "URL of the webhook (a secret)",
        },
      });
      expect(onlyResource(synth, "aws_cloudwatch_event_api_destination")).toMatchObject({
        invocation_endpoint: "${var.slack_alerts_endpoint}",
        invocation_rate_limit_per_second: 1,
      });
      expect(targets[0].input_transformer.input_paths).toEqual({
        "detail-type": "$.detail-type",
        status: "$.detail.status",
        email: "$.detail.meta.user.email",
        id: "$.detail.meta.user.id",
        id2: "$.detail.meta.organization.id",
        staxEventTime: "$.detail.staxEventTime",
        staxEventID: "$.detail.staxEventID",
      });
    });

    /** The Slack message EventBridge would send for `event`, as lines. */
    function slackLines(event: unknown): string[] {
      const { stack, rule } = targetSetup();
      rule("A", WebhookTarget.slack(stack, "Slack"));
      const [target] = synthTargets(stack).targets;
      const message = JSON.parse(renderTransformer(target.input_transformer, event));
      expect(Object.keys(message)).toEqual(["text"]);
      return message.text.split("\n");
    }

    it.each(STAX_DETAIL_TYPES)("renders %s as what, outcome, who, organisation and time", (type) => {
      const event = sampleStaxEvent(type);
      const { meta } = event.detail;
      expect(slackLines(event)).toEqual([
        `:shield: *Stax ${type}* – ${event.detail.status ?? ""}`,
        `*Who:* ${meta.user?.email ?? ""}`,
        `*User id:* ${meta.user?.id ?? ""}`,
        `*Organisation:* ${meta.organization.id}`,
        `*When:* ${event.detail.staxEventTime}`,
        `*Event id:* ${event.detail.staxEventID}`,
      ]);
    });

    it("shows the email, never the deprecated username, and leaves absent fields empty", () => {
      const variants = Object.fromEntries(variantEvents());
      expect(slackLines(variants["user-email-only"]).slice(1, 3)).toEqual([
        "*Who:* jane.citizen@example.com",
        "*User id:* 04f8996d-a763-47a9-a9b1-028ee3007569",
      ]);
      expect(slackLines(variants["no-user"]).slice(1, 3)).toEqual(["*Who:* ", "*User id:* "]);
      expect(slackLines(variants["required-names-only"]).slice(1, 4)).toEqual([
        "*Who:* ",
        "*User id:* 04f8996d-a763-47a9-a9b1-028ee3007569",
        "*Organisation:* e87cb45c-05ad-489d-a890-4ea398345c24",
      ]);
      expect(slackLines(sampleStaxEvent("AccountManagement: AccountUpdateEvent"))[0]).toBe(
        ":shield: *Stax AccountManagement: AccountUpdateEvent* – FAILED",
      );
    });
  });

  describe("rejects bad input", () => {
    it("a webhook URL that is not https", () => {
      const { stack } = targetSetup();
      const auth = WebhookAuth.none();
      expect(() => new WebhookTarget(stack, "A", { endpoint: "http://events.example.com", auth })).toThrow(
        "test/A: endpoint 'http://events.example.com' is not an https URL; EventBridge only calls https endpoints. Pass a URL starting with 'https://'.",
      );
      expect(() => new WebhookTarget(stack, "B", { endpoint: "events.example.com", auth })).toThrow(
        "test/B: endpoint 'events.example.com' is not an https URL",
      );
      expect(() => WebhookTarget.slack(stack, "C", { webhookUrl: "http://hooks.slack.com/services/x" })).toThrow(
        "test/C: endpoint 'http://hooks.slack.com/services/x' is not an https URL",
      );
      expect(
        () =>
          new WebhookTarget(stack, "D", {
            endpoint: "https://x.example.com",
            auth: WebhookAuth.oauthClientCredentials({ authorizationEndpoint: "http://auth", clientId: "c" }),
          }),
      ).toThrow("WebhookAuth.oauthClientCredentials: authorizationEndpoint 'http://auth' is not an https URL");
    });

    it.each([0, 301, 2.5])("a rate limit of %p", (limit) => {
      const { stack } = targetSetup();
      expect(
        () =>
          new WebhookTarget(stack, "A", {
            endpoint: "https://x.example.com",
            auth: WebhookAuth.none(),
            invocationRateLimitPerSecond: limit,
          }),
      ).toThrow(
        `test/A: invocationRateLimitPerSecond is ${limit}; it must be a whole number from 1 to 300. Pass a value in that range.`,
      );
    });

    it("a secret passed as a literal string", () => {
      const { stack } = targetSetup();
      expect(
        () =>
          new WebhookTarget(stack, "A", {
            endpoint: "https://x.example.com",
            auth: WebhookAuth.apiKey({ headerName: "k", value: "hunter2" }),
          }),
      ).toThrow(
        "test/A: the API key of the webhook is a literal string, which would be written in plain text into cdk.tf.json. Pass a token instead",
      );
      expect(
        () =>
          new WebhookTarget(stack, "B", {
            endpoint: "https://x.example.com",
            auth: WebhookAuth.basic({ username: "u", password: "p" }),
          }),
      ).toThrow("test/B: the password of 'u' at the webhook is a literal string");
    });

    it("a name EventBridge does not allow", () => {
      const { stack } = targetSetup();
      expect(
        () =>
          new WebhookTarget(stack, "A", { endpoint: "https://x.example.com", auth: WebhookAuth.none(), name: "a b" }),
      ).toThrow(
        "test/A: name 'a b' has characters EventBridge does not allow (' '); use only letters, digits, '.', '-' and '_'. Pass a different name.",
      );
    });

    it("a retry policy out of range", () => {
      const { stack, rule } = targetSetup();
      expect(() =>
        rule("A", WebhookTarget.slack(stack, "S", { retryPolicy: { maximumEventAgeSeconds: 100000 } })),
      ).toThrow("test/A: retryPolicy.maximumEventAgeSeconds is 100000; it must be a whole number from 60 to 86400.");
    });
  });
});
