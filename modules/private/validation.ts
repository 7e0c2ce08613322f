/**
 * The value rules the library checks before it hands a value to AWS: each rule lives here once and
 * every construct, helper and preset that passes such a value applies it. A rule never looks at an
 * unresolved token (a Terraform variable, `Fn.*`, a reference): only AWS can check those.
 *
 * Every check takes `where`: the construct (its path starts the message) or, when there is no
 * construct, the helper and argument (e.g. `"Queue.fromArn"`). Messages name the value and the fix.
 */
import { Construct } from "constructs";
import { isUnresolved } from "./errors";
import { checkKeys, jsonKind, listedTwice } from "./messages";
import type { RetryPolicy } from "../targets/base";

/** Where a value came from: a construct (named by its path) or a helper and argument. */
export type Where = Construct | string;

/** Throws `"<construct path or helper>: <message>"`. */
export function raise(where: Where, message: string): never {
  const name = typeof where === "string" ? where : where.node.path;
  throw new Error(`${name}: ${message}`);
}

/** Quotes a value for a message, cutting long ones: `'abc…'`. */
export function shown(value: string, max = 80): string {
  return value.length <= max ? `'${value}'` : `'${value.slice(0, max)}…'`;
}

// ---------------------------------------------------------------------------------------------
// JavaScript callers: wrong types
// ---------------------------------------------------------------------------------------------

/** The JSON type a prop must have; `list` is an array. */
export type Kind = "boolean" | "number" | "string" | "object" | "list";

function fixFor(expected: Kind, value: unknown): string {
  if (expected === "boolean")
    return typeof value === "string"
      ? `pass ${value === "false" ? "false" : "true"} without quotes`
      : "pass true or false";
  if (expected === "number")
    return typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value))
      ? `pass ${Number(value)} without quotes`
      : "pass a number";
  if (expected === "string")
    return typeof value === "number" || typeof value === "boolean" ? `quote it: '${String(value)}'` : "pass a string";
  if (expected === "list")
    return value !== null && value !== undefined && typeof value !== "function"
      ? "wrap it in a list: [ … ]"
      : "pass a list";
  return "pass an object";
}

/**
 * Checks a prop a JavaScript (or `any`-typed) caller may have given the wrong JSON type, e.g.
 * `enabled: "false"`: "enabled is a string; pass false without quotes". Undefined and tokens pass.
 */
export function checkType(where: Where, what: string, value: unknown, expected: Kind): void {
  if (value === undefined) return;
  if (
    expected === "object"
      ? value !== null && typeof value === "object" && !Array.isArray(value)
      : expected === "list"
        ? Array.isArray(value)
        : typeof value === expected
  )
    return;
  if (typeof value === "string" && isUnresolved(value)) return;
  if (typeof value === "number" && expected !== "number" && isUnresolved(value)) return;
  const found = typeof value === "string" ? `the string '${value}'` : jsonKind(value);
  raise(where, `${what} is ${found}; ${fixFor(expected, value)}.`);
}

/**
 * A required prop: its JSON type (`any` when several are valid) and what to pass, e.g.
 * `["object", "the bus, e.g. a StaxEventBus"]`.
 */
export type RequiredProp = readonly [Kind | "any", string];

/**
 * Checks the props object and its required props, for JavaScript callers (and `as any`): a
 * missing props object or prop says what to pass, a wrong JSON type says so. Tokens pass.
 */
export function checkRequired(
  where: Where,
  props: unknown,
  required: { readonly [prop: string]: RequiredProp },
  shape = Object.keys(required).join(", "),
): void {
  if (props === null || typeof props !== "object" || Array.isArray(props))
    raise(where, `props is ${jsonKind(props)}; pass an object with ${shape}.`);
  for (const [prop, [kind, what]] of Object.entries(required)) {
    const value = (props as Record<string, unknown>)[prop];
    if (value === undefined || value === null) raise(where, `${prop} is missing; pass ${what}.`);
    if (kind !== "any") checkType(where, prop, value, kind);
  }
}

/**
 * Checks an options object a JavaScript caller may have misspelt a key of (`retryPolicy:
 * { maxRetryAttempts }` would otherwise be ignored): an object with only `allowed` keys, with
 * "did you mean". Undefined passes.
 */
export function checkOptionKeys<T extends object>(
  where: Where,
  prop: string,
  value: T | undefined,
  allowed: AllKeys<T>,
): void {
  checkKeys(typeof where === "string" ? where : where.node.path, prop, value, Object.keys(allowed));
}

/**
 * Refuses a props key a JavaScript caller misspelt (`ruleNmae`), which would otherwise be ignored
 * silently, with "did you mean". `all` lists every prop (the compiler keeps it complete).
 */
export function checkPropKeys<T extends object>(where: Where, props: T, all: AllKeys<T>): void {
  checkOptionKeys(where, "props", props, all);
}

/** Every key of an options type, each `true`: the compiler refuses a list that misses one. */
export type AllKeys<T> = { readonly [K in keyof Required<T>]: true };

/**
 * Checks a dead-letter queue prop: a queue (an object with `queueArn`), `false`, or left out;
 * `true` or a string says what to pass.
 */
export function checkQueueOrFalse(where: Where, prop: string, value: unknown): void {
  if (value === false) return;
  checkReference(
    where,
    prop,
    value,
    "queueArn",
    "a queue (a SecureQueue, or Queue.fromArn(...)), or false to turn it off, or leave it out for the default",
  );
}

/**
 * Checks a prop that takes a reference to a resource (an object with `field`, e.g. `topicArn`):
 * an ARN string, `true` or another type says what to pass (`what`). Undefined passes unless `required`.
 */
export function checkReference(
  where: Where,
  prop: string,
  value: unknown,
  field: string,
  what: string,
  required = false,
): void {
  if (value === undefined && !required) return;
  if (value !== null && typeof value === "object" && typeof (value as Record<string, unknown>)[field] === "string")
    return;
  const found =
    typeof value === "string" ? `the string ${shown(value, 60)}` : value === true ? "true" : jsonKind(value);
  raise(where, `${prop} is ${found}; pass ${what}.`);
}

/** Checks a value a helper built (e.g. `auth: WebhookAuth.apiKey(...)`, `input: RuleTargetInput.fromText(...)`): an object with `bind`. */
export function checkBindable(where: Where, prop: string, value: unknown, howToBuild: string): void {
  if (value === undefined) return;
  if (value !== null && typeof value === "object" && typeof (value as { bind?: unknown }).bind === "function") return;
  const found = typeof value === "string" ? `the string ${shown(value, 40)}` : jsonKind(value);
  raise(where, `${prop} is ${found}; build it with ${howToBuild}.`);
}

/** Keys of a target's or forwarder's `retryPolicy`. */
export const RETRY_POLICY_KEYS: AllKeys<RetryPolicy> = { maximumEventAgeSeconds: true, maximumRetryAttempts: true };

/** Checks a list prop: a list (JavaScript callers) with no value in it twice. Undefined passes. */
export function checkNoDuplicates(where: Where, prop: string, values: readonly unknown[] | undefined): void {
  if (values === undefined) return;
  checkType(where, prop, values, "list");
  const twice = listedTwice(values);
  if (twice !== undefined) raise(where, `${prop} lists '${String(twice)}' twice; list each once.`);
}

// ---------------------------------------------------------------------------------------------
// Names, descriptions, tags
// ---------------------------------------------------------------------------------------------

/** A naming rule of an AWS service: characters, length and reserved forms. */
export interface NameRule {
  /** What the name is, e.g. "rule name". */
  readonly label: string;
  /** The service whose rule it is, e.g. "EventBridge". */
  readonly service: string;
  /** Shortest name. @default 1 */
  readonly min?: number;
  /** Longest name. */
  readonly max: number;
  /** The allowed characters, as a character class body, e.g. `.\-_A-Za-z0-9`. */
  readonly chars: RegExp;
  /** The allowed characters in words. */
  readonly charsText: string;
  /** Prefixes the service reserves. @default - none */
  readonly reservedPrefixes?: readonly string[];
  /** Names the service reserves. @default - none */
  readonly reservedNames?: readonly string[];
  /** Further shape the name must have, and how to say it. @default - none */
  readonly shape?: { readonly test: RegExp; readonly text: string };
}

/** EventBridge rule, connection and API destination names. */
export const EVENTBRIDGE_NAME: NameRule = {
  label: "name",
  service: "EventBridge",
  max: 64,
  chars: /^[.\-_A-Za-z0-9]*$/,
  charsText: "letters, digits, '.', '-' and '_'",
};
/** EventBridge rule names. */
export const RULE_NAME: NameRule = { ...EVENTBRIDGE_NAME, label: "rule name" };
/** EventBridge archive names. */
export const ARCHIVE_NAME: NameRule = { ...EVENTBRIDGE_NAME, label: "archive name", max: 48 };
/**
 * EventBridge schema registry names: `aws.` names are AWS's (`aws.events` holds the AWS event
 * schemas) and `discovered-schemas` is the registry schema discovery writes to.
 */
export const SCHEMA_REGISTRY_NAME: NameRule = {
  ...EVENTBRIDGE_NAME,
  label: "registry name",
  reservedPrefixes: ["aws."],
  reservedNames: ["discovered-schemas"],
};
/** IAM role names. */
export const ROLE_NAME: NameRule = {
  label: "role name",
  service: "IAM",
  max: 64,
  chars: /^[\w+=,.@-]*$/,
  charsText: "letters, digits and '+=,.@_-'",
};
/** CloudFormation StackSet names. */
export const STACK_SET_NAME: NameRule = {
  label: "StackSet name",
  service: "CloudFormation",
  max: 128,
  chars: /^[A-Za-z0-9-]*$/,
  charsText: "letters, digits and '-'",
  shape: { test: /^[A-Za-z]/, text: "start with a letter" },
};
/** Firehose delivery stream names. */
export const STREAM_NAME: NameRule = {
  label: "stream name",
  service: "Firehose",
  max: 64,
  chars: /^[A-Za-z0-9_.-]*$/,
  charsText: "letters, digits, '_', '.' and '-'",
};
/** S3 general purpose bucket names. */
export const BUCKET_NAME: NameRule = {
  label: "bucket name",
  service: "S3",
  min: 3,
  max: 63,
  chars: /^[a-z0-9.-]*$/,
  charsText: "lowercase letters, digits, '.' and '-'",
  reservedPrefixes: ["xn--", "sthree-", "amzn-s3-demo-"],
  shape: {
    test: /^(?!\d+\.\d+\.\d+\.\d+$)(?!.*\.\.)(?!.*-s3alias$)(?!.*--ol-s3$)(?!.*\.mrap$)(?!.*--x-s3$)[a-z0-9].*[a-z0-9]$/,
    text: "start and end with a letter or digit, have no '..', not look like an IP address and not end in '-s3alias', '--ol-s3', '.mrap' or '--x-s3'",
  },
};

/**
 * Checks a name against a service's naming rule; tokens pass. The message names the prop to
 * change (`prop`), e.g. "Pass a shorter ruleName.".
 */
export function checkName(where: Where, prop: string, name: string | undefined, rule: NameRule): void {
  if (name === undefined || isUnresolved(name)) return;
  checkType(where, prop, name, "string");
  const min = rule.min ?? 1;
  if (name.length < min || name.length > rule.max) {
    const allowed = min > 1 || name.length < min ? `${min} to ${rule.max}` : `${rule.max}`;
    raise(
      where,
      `${rule.label} ${shown(name)} is ${name.length} characters; ${rule.service} allows ${allowed}. Pass a ${name.length > rule.max ? "shorter" : "longer"} ${prop}.`,
    );
  }
  if (!rule.chars.test(name)) {
    const bad = [...new Set([...name].filter((c) => !rule.chars.test(c)))].map((c) => `'${c}'`).join(" ");
    raise(
      where,
      `${rule.label} ${shown(name)} has characters ${rule.service} does not allow (${bad}); use only ${rule.charsText}. Pass a different ${prop}.`,
    );
  }
  const prefix = rule.reservedPrefixes?.find((p) => name.toLowerCase().startsWith(p));
  if (prefix !== undefined)
    raise(
      where,
      `${rule.label} ${shown(name)} starts with '${prefix}', which ${rule.service} reserves. Pass a different ${prop}.`,
    );
  if (rule.reservedNames?.includes(name))
    raise(where, `${rule.label} '${name}' is reserved by ${rule.service}. Pass a different ${prop}.`);
  if (rule.shape && !rule.shape.test.test(name))
    raise(where, `${rule.label} ${shown(name)} must ${rule.shape.text}. Pass a different ${prop}.`);
}

/** Longest description EventBridge accepts (rules, buses, archives, connections, API destinations). */
export const MAX_DESCRIPTION_LENGTH = 512;

/** Checks a description's length (512 for EventBridge, 1024 for StackSets…); tokens pass. */
export function checkDescription(
  where: Where,
  prop: string,
  text: string | undefined,
  max = MAX_DESCRIPTION_LENGTH,
): void {
  if (text === undefined || isUnresolved(text)) return;
  checkType(where, prop, text, "string");
  if (text.length > max)
    raise(where, `${prop} ${shown(text, 40)} is ${text.length} characters; AWS allows ${max}. Shorten it.`);
}

/** Most tags one resource may carry (EventBridge, SQS, SNS, Logs, Firehose, S3, CloudFormation). */
export const MAX_TAGS = 50;
const TAG_CHARS = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * Checks tags against the rules AWS services share: at most 50, keys 1-128 characters not
 * starting with `aws:`, values at most 256, letters, digits, spaces and `_ . : / = + - @`.
 */
export function checkTags(where: Where, prop: string, tags: { readonly [key: string]: string } | undefined): void {
  if (tags === undefined || isUnresolved(tags)) return;
  checkType(where, prop, tags, "object");
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS)
    raise(where, `${prop} has ${entries.length} tags; AWS allows ${MAX_TAGS} per resource. Remove some.`);
  for (const [key, value] of entries) {
    if (!isUnresolved(key)) {
      if (key.length < 1 || key.length > 128)
        raise(
          where,
          `${prop} key ${shown(key)} is ${key.length} characters; tag keys are 1 to 128. Use a shorter key.`,
        );
      if (key.toLowerCase().startsWith("aws:"))
        raise(where, `${prop} key '${key}' starts with 'aws:', which AWS reserves for its own tags. Rename the key.`);
      if (!TAG_CHARS.test(key))
        raise(
          where,
          `${prop} key ${shown(key)} has characters tags do not allow; use letters, digits, spaces and _ . : / = + - @.`,
        );
    }
    if (isUnresolved(value)) continue;
    checkType(where, `${prop}['${key}']`, value, "string");
    if (value.length > 256)
      raise(where, `${prop}['${key}'] is ${value.length} characters; tag values are at most 256. Shorten it.`);
    if (!TAG_CHARS.test(value))
      raise(
        where,
        `${prop}['${key}'] ${shown(value)} has characters tags do not allow; use letters, digits, spaces and _ . : / = + - @.`,
      );
  }
}

// ---------------------------------------------------------------------------------------------
// KMS keys
// ---------------------------------------------------------------------------------------------

const KEY_ID = /^(mrk-[0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const ALIAS = /^alias\/[A-Za-z0-9/_-]{1,250}$/;
const KMS_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key\/(.+)|alias\/(.+))$/;

/**
 * Checks a KMS key identifier: a key id, key ARN, alias name (`alias/…`) or alias ARN, or (with
 * `arnOnly`, for services that take only a key ARN) a key ARN. Tokens pass.
 */
export function checkKmsKey(
  where: Where,
  prop: string,
  key: string | undefined,
  options: { readonly arnOnly?: boolean } = {},
): void {
  if (key === undefined || isUnresolved(key)) return;
  checkType(where, prop, key, "string");
  const arn = KMS_ARN.exec(key);
  const valid = arn
    ? arn[2] !== undefined
      ? KEY_ID.test(arn[2])
      : ALIAS.test(`alias/${arn[3]}`)
    : KEY_ID.test(key) || ALIAS.test(key);
  if (!valid) {
    raise(
      where,
      `${prop} ${shown(key)} is not a KMS key identifier; pass a key ARN ('arn:aws:kms:<region>:<account>:key/<key id>')${options.arnOnly ? "" : ", a key id, an alias ('alias/<name>') or an alias ARN"}. A key id is a UUID such as '1234abcd-12ab-34cd-56ef-1234567890ab' (or 'mrk-…' for a multi-Region key).`,
    );
  }
  if (options.arnOnly && !(arn && arn[2] !== undefined)) {
    raise(
      where,
      `${prop} ${shown(key)} is not a key ARN, and this service takes only the key ARN ('arn:aws:kms:<region>:<account>:key/<key id>'). Pass the key ARN (an aws_kms_key's arn attribute).`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// URLs, headers and secrets
// ---------------------------------------------------------------------------------------------

/** Characters EventBridge allows in an API destination's invocation endpoint (besides `%XX`). */
const URL_CHARS = /^(%[0-9A-Fa-f]{2}|[-()_.!~*';/?:@&=+$,A-Za-z0-9])+$/;

/**
 * Checks an https URL EventBridge calls: https, a host, no spaces or other characters it refuses
 * (`%`-encode them), at most 2048 characters. Tokens pass.
 */
export function checkHttpsUrl(where: Where, prop: string, url: string | undefined): void {
  if (url === undefined || isUnresolved(url)) return;
  checkType(where, prop, url, "string");
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.protocol !== "https:" || !parsed.hostname) {
    raise(
      where,
      `${prop} ${shown(url)} is not an https URL; EventBridge only calls https endpoints. Pass a URL starting with 'https://'.`,
    );
  }
  if (url.length > 2048)
    raise(where, `${prop} is ${url.length} characters; EventBridge allows 2048. Pass a shorter URL.`);
  if (!URL_CHARS.test(url)) {
    const bad = [...new Set([...url].filter((c) => !URL_CHARS.test(c)))].map((c) => JSON.stringify(c)).join(" ");
    raise(
      where,
      `${prop} ${shown(url)} has characters EventBridge refuses in a URL (${bad}). Percent-encode them (a space is %20).`,
    );
  }
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9a-zA-Z]+$/;
const HEADER_VALUE = /^[ \t]*[\x20-\x7E]+([ \t]+[\x20-\x7E]+)*[ \t]*$/;

/** Checks an HTTP header name (RFC 9110 token characters, at most 512) and its value. */
export function checkHeader(where: Where, prop: string, name: string, value: string): void {
  if (!isUnresolved(name) && (!HEADER_NAME.test(name) || name.length > 512)) {
    raise(
      where,
      `${prop} has the header name ${shown(name)}, which is not an HTTP header name; use at most 512 letters, digits and !#$%&'*+-.^_\`|~ (no spaces or ':'), e.g. 'x-source'.`,
    );
  }
  if (isUnresolved(value)) return;
  checkType(where, `${prop}['${name}']`, value, "string");
  if (value.length > 512 || !HEADER_VALUE.test(value)) {
    raise(
      where,
      `${prop}['${name}'] is not a header value EventBridge accepts; use 1 to 512 printable ASCII characters (no line breaks).`,
    );
  }
}

const AUTH_PARAMETER = /^[ \t]*[^\x00-\x1F:\x7F]+([ \t]+[^\x00-\x1F:\x7F]+)*[ \t]*$/;

/**
 * Checks a value of a connection's authorization (a user name, an OAuth client id): EventBridge
 * takes 1 to 512 characters, with no ':' or control characters. Tokens pass.
 */
export function checkAuthParameter(where: Where, prop: string, value: string | undefined): void {
  if (value === undefined || isUnresolved(value)) return;
  checkType(where, prop, value, "string");
  if (value.length < 1 || value.length > 512)
    raise(
      where,
      `${prop} is ${value.length} characters; EventBridge takes 1 to 512. Pass a ${value.length ? "shorter" : "non-empty"} ${prop}.`,
    );
  if (!AUTH_PARAMETER.test(value))
    raise(
      where,
      `${prop} ${shown(value)} has a ':' or a control character (or is only spaces), which EventBridge refuses. Pass the ${prop} without them.`,
    );
}

/** Header names whose value is a credential. */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie|x-amz-security-token|.*(api[-_]?key|token|secret|password|passwd|signature|credential|auth).*)$/i;

/** Whether a header name carries a credential (Authorization, X-API-Key, X-Auth-Token…). */
export function isSecretHeaderName(name: string): boolean {
  return SECRET_HEADER.test(name);
}

/** Query parameter names whose value is a credential. */
const SECRET_PARAM =
  /^(.*(token|secret|password|passwd|api[-_]?key|apikey|signature|credential)|key|sig|code|auth|access_key|client_secret)$/i;

/** URLs that are themselves a credential (incoming webhooks). */
const SECRET_URLS: readonly { readonly test: RegExp; readonly what: string }[] = [
  { test: /^https:\/\/hooks\.slack\.com\/(services|workflows|triggers)\//i, what: "a Slack incoming-webhook URL" },
  { test: /^https:\/\/[^/]*\.webhook\.office\.com\//i, what: "a Microsoft Teams webhook URL" },
  { test: /^https:\/\/[^/]*\.logic\.azure\.com\/.*[?&]sig=/i, what: "an Azure Logic Apps / Teams workflow URL" },
  { test: /^https:\/\/(discord(app)?\.com)\/api\/webhooks\//i, what: "a Discord webhook URL" },
  { test: /^https:\/\/chat\.googleapis\.com\/.*[?&]key=/i, what: "a Google Chat webhook URL" },
];

/** What makes a literal URL a secret (credentials, a token in the query, a webhook URL), if anything. */
export function secretInUrl(url: string): string | undefined {
  const known = SECRET_URLS.find((s) => s.test.test(url));
  if (known) return `is ${known.what}, which is itself a credential`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.username || parsed.password) return "carries a user name and password";
  for (const name of parsed.searchParams.keys()) {
    if (SECRET_PARAM.test(name)) return `carries the query parameter '${name}', a credential`;
  }
  return undefined;
}

/** How to pass a secret instead of a literal (the same advice in every message). */
export const HOW_TO_PASS_A_SECRET =
  "Pass it as a token instead: a sensitive TerraformVariable's stringValue (set with TF_VAR_<name>), or a Secrets Manager or SSM Parameter Store data source attribute";

/**
 * Refuses a literal that is a credential: it would be written in plain text into cdk.tf.json and
 * the repository. Tokens pass. `leaveOut` says what happens when the prop is left out, if anything.
 */
export function refuseLiteralSecret(
  where: Where,
  prop: string,
  value: string | undefined,
  why: string,
  leaveOut?: string,
): void {
  if (value === undefined || isUnresolved(value)) return;
  raise(
    where,
    `${prop} ${why}, and as a literal string it would be written in plain text into cdk.tf.json (and your repository). ${HOW_TO_PASS_A_SECRET}${leaveOut ? `, or ${leaveOut}` : ""}.`,
  );
}

/** Refuses an https URL given as a literal when it is a credential (a webhook URL, a token in the query). */
export function refuseSecretUrl(where: Where, prop: string, url: string | undefined, leaveOut?: string): void {
  if (typeof url !== "string" || isUnresolved(url)) return;
  const why = secretInUrl(url);
  // The message shows only the scheme and host: the rest is the secret.
  if (why)
    refuseLiteralSecret(where, prop, url, `'${url.replace(/^(https?:\/\/[^/?#]+).*$/, "$1/…")}' ${why}`, leaveOut);
}

/** Refuses literal values of headers that carry credentials; other headers get the format checks. */
export function checkHeaders(
  where: Where,
  prop: string,
  headers: { readonly [name: string]: string } | undefined,
): void {
  if (headers === undefined) return;
  checkType(where, prop, headers, "object");
  for (const [name, value] of Object.entries(headers)) {
    checkHeader(where, prop, name, value);
    if (isSecretHeaderName(name) || /^(bearer|basic|token|digest)\s/i.test(String(value))) {
      refuseLiteralSecret(where, `${prop}['${name}']`, value, "carries a credential");
    }
  }
}

/** Checks a value is one of the allowed literals (JavaScript callers, typos); tokens pass. */
export function checkOneOf(where: Where, prop: string, value: string | undefined, allowed: readonly string[]): void {
  if (value === undefined || isUnresolved(value)) return;
  if (!allowed.includes(value)) {
    const near = allowed.find((a) => a.toLowerCase() === String(value).toLowerCase());
    raise(
      where,
      `${prop} is ${typeof value === "string" ? `'${value}'` : jsonKind(value)}; ${near ? `write '${near}'` : `use one of ${allowed.map((a) => `'${a}'`).join(", ")}`}.`,
    );
  }
}
