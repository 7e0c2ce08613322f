import { Construct } from "constructs";
import { TerraformProvider } from "cdktf";
import { CloudwatchEventApiDestination } from "@cdktf/provider-aws/lib/cloudwatch-event-api-destination";
import { CloudwatchEventConnection } from "@cdktf/provider-aws/lib/cloudwatch-event-connection";
import { IRule, IRuleTarget, RuleTargetConfig } from "../rule/target";
import { checkRange } from "../private/errors";
import {
  checkHeaders,
  checkHttpsUrl,
  checkName,
  checkOneOf,
  EVENTBRIDGE_NAME,
  refuseSecretUrl,
  checkRequired,
  MAX_DESCRIPTION_LENGTH,
  checkBindable,
  checkType,
  checkPropKeys,
} from "../private/validation";
import { physicalName } from "../private/naming";
import { TargetBaseProps } from "./base";
import { slackSecurityEventMessage, SlackSecurityEventMessageOptions } from "./slack";
import { bindRoleTarget, IRole } from "./target-role";
import { secret, WebhookAuth } from "./webhook-auth";

/** HTTP methods an API destination can use. */
export type WebhookHttpMethod = "POST" | "PUT" | "PATCH" | "GET" | "DELETE" | "HEAD" | "OPTIONS";

/** Properties of a {@link WebhookTarget}. */
export interface WebhookTargetProps extends TargetBaseProps {
  /**
   * The https URL EventBridge calls. When the URL is itself a secret (Slack, Teams and similar
   * webhooks), pass it as a token or leave it out.
   * @default - a sensitive Terraform variable `<construct>_endpoint` (set it with `TF_VAR_<construct>_endpoint`)
   */
  readonly endpoint?: string;
  /** How EventBridge authenticates to the endpoint. */
  readonly auth: WebhookAuth;
  /** HTTP method of the call. @default "POST" */
  readonly httpMethod?: WebhookHttpMethod;
  /** Most calls per second EventBridge makes to the endpoint (1–300); events beyond it wait and are retried. @default 10 */
  readonly invocationRateLimitPerSecond?: number;
  /** Extra, non-secret headers sent with each call (secrets go in `auth`). @default - none */
  readonly headers?: { readonly [name: string]: string };
  /** Role EventBridge assumes to call the destination. @default - a role per rule, allowed only events:InvokeApiDestination on this destination */
  readonly role?: IRole;
  /** Name of the connection and of the API destination (at most 64 characters). @default - built from the stack name and the construct path */
  readonly name?: string;
  /** Provider (account and region) of the connection and destination: the rules' region. @default - the stack's default provider */
  readonly provider?: TerraformProvider;
}

/** Properties of {@link WebhookTarget.slack}. */
export interface SlackWebhookProps
  extends Omit<WebhookTargetProps, "endpoint" | "auth">,
    SlackSecurityEventMessageOptions {
  /**
   * The Slack incoming-webhook URL (`https://hooks.slack.com/services/…`), which is a secret: pass
   * it as a token or leave it out.
   * @default - a sensitive Terraform variable `<construct>_endpoint` (set it with `TF_VAR_<construct>_endpoint`)
   */
  readonly webhookUrl?: string;
}

/**
 * Calls an https endpoint (a webhook) for each event through an EventBridge API destination: a
 * connection holding the credentials (kept by EventBridge in Secrets Manager), a destination with
 * an invocation rate limit, and per rule a role allowed only `events:InvokeApiDestination` on
 * this destination. Create it once and add it to as many rules as you like.
 *
 * @example
 * ```ts
 * // a Slack incoming webhook (its URL comes from the variable TF_VAR_slack_alerts_endpoint)
 * const slack = WebhookTarget.slack(this, "SlackAlerts");
 * // any HTTPS endpoint that takes an API key
 * const hook = new WebhookTarget(this, "Ticketing", {
 *   endpoint: "https://tickets.example.com/events",
 *   auth: WebhookAuth.apiKey({ headerName: "x-api-key" }),
 * });
 * new StaxEventRule(this, "FailedLogins", {
 *   bus,
 *   eventPattern: bus.securityEvents.failedLogins(),
 *   targets: [slack, hook],
 * });
 * ```
 */
export class WebhookTarget extends Construct implements IRuleTarget {
  /**
   * A Slack incoming webhook that receives each Stax Security event as a readable message (who,
   * what, outcome, organisation, time); see {@link slackSecurityEventMessage}. Rate-limited to 1
   * call per second, Slack's limit for incoming webhooks, unless you pass another.
   */
  public static slack(scope: Construct, id: string, props: SlackWebhookProps = {}): WebhookTarget {
    const { webhookUrl, prefix, ...rest } = props;
    checkType(`${scope.node.path}/${id}`, "prefix", prefix, "string");
    refuseSecretUrl(
      `${scope.node.path}/${id}`,
      "webhookUrl",
      webhookUrl,
      "leave webhookUrl out to get a sensitive variable",
    );
    return new WebhookTarget(scope, id, {
      ...rest,
      endpoint: webhookUrl,
      auth: WebhookAuth.none(),
      invocationRateLimitPerSecond: props.invocationRateLimitPerSecond ?? 1,
      input: props.input ?? slackSecurityEventMessage({ prefix }),
    });
  }

  /** ARN of the API destination. */
  public readonly apiDestinationArn: string;
  /** The connection. */
  public readonly connection: CloudwatchEventConnection;
  /** The API destination. */
  public readonly destination: CloudwatchEventApiDestination;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: WebhookTargetProps,
  ) {
    super(scope, id);
    checkRequired(this, props, {
      auth: ["object", "how EventBridge authenticates, e.g. WebhookAuth.apiKey({ headerName, value })"],
    });
    checkPropKeys(this, props, {
      endpoint: true,
      auth: true,
      httpMethod: true,
      invocationRateLimitPerSecond: true,
      headers: true,
      role: true,
      name: true,
      provider: true,
      retryPolicy: true,
      deadLetterQueue: true,
      input: true,
    });
    checkBindable(
      this,
      "auth",
      props.auth,
      "WebhookAuth.apiKey(...), basic(...), oauthClientCredentials(...) or none()",
    );
    const endpoint = props.endpoint ?? secret(this, "endpoint", "URL of the webhook (a secret)", undefined);
    checkHttpsUrl(this, "endpoint", endpoint);
    refuseSecretUrl(this, "endpoint", endpoint, "leave endpoint out to get a sensitive variable");
    checkRange(this, "invocationRateLimitPerSecond", props.invocationRateLimitPerSecond, 1, 300);
    checkOneOf(this, "httpMethod", props.httpMethod, ["POST", "PUT", "PATCH", "GET", "DELETE", "HEAD", "OPTIONS"]);
    checkHeaders(this, "headers", props.headers);
    const name = props.name ?? physicalName(this, { maxLength: 64, illegal: /[^.\-_A-Za-z0-9]/g });
    checkName(this, "name", name, EVENTBRIDGE_NAME);
    this.connection = new CloudwatchEventConnection(this, "Connection", {
      provider: props.provider,
      name,
      // EventBridge takes 512 characters; a deep construct path is cut.
      description: `Credentials of the webhook ${this.node.path}`.slice(0, MAX_DESCRIPTION_LENGTH),
      ...props.auth.bind(this),
    });
    this.destination = new CloudwatchEventApiDestination(this, "Destination", {
      provider: props.provider,
      name,
      connectionArn: this.connection.arn,
      invocationEndpoint: endpoint,
      httpMethod: props.httpMethod ?? "POST",
      invocationRateLimitPerSecond: props.invocationRateLimitPerSecond ?? 10,
    });
    this.apiDestinationArn = this.destination.arn;
  }

  public bind(rule: IRule, targetId: string): RuleTargetConfig {
    const config = bindRoleTarget(rule, targetId, this.apiDestinationArn, ["events:InvokeApiDestination"], this.props);
    return this.props.headers ? { ...config, httpTarget: { headerParameters: { ...this.props.headers } } } : config;
  }
}
