import { Construct } from "constructs";
import { TerraformStack, TerraformVariable } from "cdktf";
import { CloudwatchEventConnectionAuthParameters } from "@cdktf/provider-aws/lib/cloudwatch-event-connection";
import { fail, isUnresolved } from "../private/errors";
import { physicalName } from "../private/naming";

/** The authorization part of an EventBridge connection. */
export interface WebhookAuthConfig {
  /** `API_KEY`, `BASIC` or `OAUTH_CLIENT_CREDENTIALS`. */
  readonly authorizationType: string;
  /** The auth parameters of the connection, secrets included (as tokens). */
  readonly authParameters: CloudwatchEventConnectionAuthParameters;
}

/** A secret the user passes: a token (sensitive variable, data source attribute), never a literal. */
type Secret = string | undefined;

/**
 * How EventBridge authenticates to a webhook. Secrets are never written in plain text into the
 * synthesized configuration: pass them as tokens (a sensitive `TerraformVariable`'s
 * `stringValue`, a Secrets Manager data source attribute, `Fn.sensitive(...)`), or leave them
 * out and a sensitive Terraform variable is declared for each, named after the webhook
 * construct (e.g. `slack_alerts_api_key`), to set with `TF_VAR_<name>`. A literal string is refused.
 * EventBridge itself stores them in AWS Secrets Manager.
 */
export abstract class WebhookAuth {
  /** An API key sent in a header, e.g. `x-api-key`. */
  public static apiKey(options: { readonly headerName: string; readonly value?: string }): WebhookAuth {
    return new (class extends WebhookAuth {
      public bind(scope: Construct): WebhookAuthConfig {
        const value = secret(scope, "api_key", "API key of the webhook", options.value);
        return { authorizationType: "API_KEY", authParameters: { apiKey: { key: options.headerName, value } } };
      }
    })();
  }

  /** HTTP basic authentication. */
  public static basic(options: { readonly username: string; readonly password?: string }): WebhookAuth {
    return new (class extends WebhookAuth {
      public bind(scope: Construct): WebhookAuthConfig {
        const password = secret(
          scope,
          "password",
          `password of '${options.username}' at the webhook`,
          options.password,
        );
        return { authorizationType: "BASIC", authParameters: { basic: { username: options.username, password } } };
      }
    })();
  }

  /** OAuth client credentials: EventBridge fetches a token from `authorizationEndpoint` (https) and refreshes it. */
  public static oauthClientCredentials(options: {
    readonly authorizationEndpoint: string;
    readonly clientId: string;
    readonly clientSecret?: string;
    readonly httpMethod?: "GET" | "POST" | "PUT";
    readonly scope?: string;
  }): WebhookAuth {
    return new (class extends WebhookAuth {
      public bind(scope: Construct): WebhookAuthConfig {
        checkHttpsUrl(scope, "OAuth authorizationEndpoint", options.authorizationEndpoint);
        const clientSecret = secret(scope, "client_secret", "OAuth client secret of the webhook", options.clientSecret);
        return {
          authorizationType: "OAUTH_CLIENT_CREDENTIALS",
          authParameters: {
            oauth: {
              authorizationEndpoint: options.authorizationEndpoint,
              httpMethod: options.httpMethod ?? "POST",
              clientParameters: { clientId: options.clientId, clientSecret },
              oauthHttpParameters: options.scope
                ? { body: [{ key: "scope", value: options.scope, isValueSecret: false }] }
                : {},
            },
          },
        };
      }
    })();
  }

  /**
   * No credentials: for endpoints whose URL is itself the secret (Slack incoming webhooks).
   * EventBridge requires an authorization on every connection, so this sends a harmless
   * `x-stax-events: 1` header as the "API key".
   */
  public static none(): WebhookAuth {
    return new (class extends WebhookAuth {
      public bind(): WebhookAuthConfig {
        return { authorizationType: "API_KEY", authParameters: { apiKey: { key: "x-stax-events", value: "1" } } };
      }
    })();
  }

  /** The authorization of the connection created under `scope`. */
  public abstract bind(scope: Construct): WebhookAuthConfig;
}

/**
 * A secret value: the token the user passed, or a new sensitive Terraform variable named
 * `<scope>_<name>`. A literal string would be written in plain text into cdk.tf.json: refused.
 */
export function secret(scope: Construct, name: string, description: string, given: Secret): string {
  if (given !== undefined) {
    if (!isUnresolved(given)) {
      fail(
        scope,
        `the ${description} is a literal string, which would be written in plain text into cdk.tf.json. Pass a token instead (a sensitive TerraformVariable's stringValue, a Secrets Manager data source, Fn.sensitive(...)), or leave it out to get a sensitive variable.`,
      );
    }
    return given;
  }
  const variableName = `${physicalName(scope, { maxLength: 200 })
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[^A-Za-z0-9_]/g, "_")
    .toLowerCase()}_${name}`;
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild(`var-${variableName}`) as TerraformVariable | undefined;
  const variable =
    existing ??
    new TerraformVariable(stack, `var-${variableName}`, {
      type: "string",
      sensitive: true,
      nullable: false,
      description,
    });
  variable.overrideLogicalId(variableName);
  return variable.stringValue;
}

/** Checks a URL is https (EventBridge calls only https endpoints); tokens pass. */
export function checkHttpsUrl(scope: Construct, what: string, url: string): void {
  if (isUnresolved(url)) return;
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.protocol !== "https:" || !parsed.hostname) {
    fail(
      scope,
      `${what} '${url}' is not an https URL; EventBridge only calls https endpoints. Pass a URL starting with 'https://'.`,
    );
  }
}
