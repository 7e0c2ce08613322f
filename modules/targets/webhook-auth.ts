import { Construct } from "constructs";
import { TerraformStack, TerraformVariable } from "cdktf";
import { CloudwatchEventConnectionAuthParameters } from "@cdktf/provider-aws/lib/cloudwatch-event-connection";
import { fail, isUnresolved } from "../private/errors";
import { localName } from "../private/naming";
import {
  checkAuthParameter,
  checkHeader,
  checkHttpsUrl,
  checkOneOf,
  checkType,
  refuseSecretUrl,
  checkRequired,
} from "../private/validation";

/** The authorization part of an EventBridge connection. */
export interface WebhookAuthConfig {
  /** `API_KEY`, `BASIC` or `OAUTH_CLIENT_CREDENTIALS`. */
  readonly authorizationType: string;
  /** The auth parameters of the connection, secrets included (as tokens). */
  readonly authParameters: CloudwatchEventConnectionAuthParameters;
}

/** Options of {@link WebhookAuth.apiKey}. */
export interface ApiKeyAuthOptions {
  /** Header the key is sent in, e.g. `x-api-key`. */
  readonly headerName: string;
  /** The key, as a token (never a literal). @default - a sensitive Terraform variable `<construct>_api_key` */
  readonly value?: string;
}

/** Options of {@link WebhookAuth.basic}. */
export interface BasicAuthOptions {
  /** User name. */
  readonly username: string;
  /** Password, as a token (never a literal). @default - a sensitive Terraform variable `<construct>_password` */
  readonly password?: string;
}

/** Options of {@link WebhookAuth.oauthClientCredentials}. */
export interface OAuthClientCredentialsOptions {
  /** The https token endpoint EventBridge fetches access tokens from. */
  readonly authorizationEndpoint: string;
  /** OAuth client id. */
  readonly clientId: string;
  /** OAuth client secret, as a token (never a literal). @default - a sensitive Terraform variable `<construct>_client_secret` */
  readonly clientSecret?: string;
  /** HTTP method of the token request. @default "POST" */
  readonly httpMethod?: "GET" | "POST" | "PUT";
  /** `scope` sent with the token request. @default - none */
  readonly scope?: string;
}

/**
 * How EventBridge authenticates to a webhook. Secrets are never written in plain text into the
 * synthesized configuration: pass them as tokens (a sensitive `TerraformVariable`'s
 * `stringValue`, a Secrets Manager data source attribute, `Fn.sensitive(...)`), or leave them
 * out and a sensitive Terraform variable is declared for each, named after the webhook
 * construct (e.g. `pager_api_key`), to set with `TF_VAR_<name>`. A literal string is refused.
 * EventBridge itself stores them in AWS Secrets Manager.
 */
export abstract class WebhookAuth {
  /** An API key sent in a header. */
  public static apiKey(options: ApiKeyAuthOptions): WebhookAuth {
    checkRequired("WebhookAuth.apiKey", options, {
      headerName: ["string", "the header the key is sent in, e.g. 'x-api-key'"],
    });
    checkType("WebhookAuth.apiKey", "headerName", options.headerName, "string");
    checkHeader("WebhookAuth.apiKey", "headerName", options.headerName, "x");
    return new BoundAuth((scope) => ({
      authorizationType: "API_KEY",
      authParameters: {
        apiKey: { key: options.headerName, value: secret(scope, "api_key", "API key of the webhook", options.value) },
      },
    }));
  }

  /** HTTP basic authentication. */
  public static basic(options: BasicAuthOptions): WebhookAuth {
    checkRequired("WebhookAuth.basic", options, { username: ["string", "the user name"] });
    checkAuthParameter("WebhookAuth.basic", "username", options.username);
    return new BoundAuth((scope) => {
      const description = `password of '${options.username}' at the webhook`;
      const password = secret(scope, "password", description, options.password);
      return { authorizationType: "BASIC", authParameters: { basic: { username: options.username, password } } };
    });
  }

  /** OAuth client credentials: EventBridge fetches a token from the authorization endpoint and refreshes it. */
  public static oauthClientCredentials(options: OAuthClientCredentialsOptions): WebhookAuth {
    const where = "WebhookAuth.oauthClientCredentials";
    checkRequired(where, options, {
      authorizationEndpoint: ["string", "the https token endpoint"],
      clientId: ["string", "the OAuth client id"],
    });
    checkHttpsUrl(where, "authorizationEndpoint", options.authorizationEndpoint);
    refuseSecretUrl(where, "authorizationEndpoint", options.authorizationEndpoint);
    checkAuthParameter(where, "clientId", options.clientId);
    checkOneOf(where, "httpMethod", options.httpMethod, ["GET", "POST", "PUT"]);
    return new BoundAuth((scope) => {
      const clientSecret = secret(scope, "client_secret", "OAuth client secret of the webhook", options.clientSecret);
      const body = [{ key: "grant_type", value: "client_credentials", isValueSecret: false }];
      if (options.scope) body.push({ key: "scope", value: options.scope, isValueSecret: false });
      return {
        authorizationType: "OAUTH_CLIENT_CREDENTIALS",
        authParameters: {
          oauth: {
            authorizationEndpoint: options.authorizationEndpoint,
            httpMethod: options.httpMethod ?? "POST",
            clientParameters: { clientId: options.clientId, clientSecret },
            // The client-credentials grant (RFC 6749 section 4.4) in the token request's body.
            oauthHttpParameters: { body },
          },
        },
      };
    });
  }

  /**
   * No credentials: for endpoints whose URL is itself the secret (Slack incoming webhooks).
   * EventBridge requires an authorization on every connection, so this sends a harmless
   * `x-stax-events: 1` header as the "API key".
   */
  public static none(): WebhookAuth {
    return new BoundAuth(() => ({
      authorizationType: "API_KEY",
      authParameters: { apiKey: { key: "x-stax-events", value: "1" } },
    }));
  }

  /** The authorization of the connection created under `scope`. */
  public abstract bind(scope: Construct): WebhookAuthConfig;
}

class BoundAuth extends WebhookAuth {
  constructor(private readonly render: (scope: Construct) => WebhookAuthConfig) {
    super();
  }
  public bind(scope: Construct): WebhookAuthConfig {
    return this.render(scope);
  }
}

/**
 * A secret value: the token the user passed, or a new sensitive Terraform variable named
 * `<scope>_<name>`. A literal string would be written in plain text into cdk.tf.json: refused.
 */
export function secret(scope: Construct, name: string, description: string, given: string | undefined): string {
  if (given !== undefined) {
    if (!isUnresolved(given)) {
      fail(
        scope,
        `the ${description} is a literal string, which would be written in plain text into cdk.tf.json. Pass a token instead (a sensitive TerraformVariable's stringValue, a Secrets Manager data source, Fn.sensitive(...)), or leave it out to get a sensitive variable.`,
      );
    }
    return given;
  }
  const variableName = `${localName(scope, { maxLength: 200 })
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
