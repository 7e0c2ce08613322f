import type { SecurityEventDetail, StaxEventDetail } from "../events";

/** Every key that the `detail` of at least one Stax Security event type has. */
export type SecurityDetailField = SecurityEventDetail extends infer D
  ? D extends unknown
    ? keyof D & string
    : never
  : never;

/** Every key that the `detail` of at least one catalogued Stax event type (of any category) has. */
export type StaxDetailField = StaxEventDetail extends infer D ? (D extends unknown ? keyof D & string : never) : never;

/** Longest JSON path EventBridge accepts in an input transformer. */
export const MAX_INPUT_PATH_LENGTH = 256;

const JSON_PATH = /^\$(\.[A-Za-z0-9_-]+|\[\d+\])*$/;
const MARKER = /@@StaxEventField\(([^()]+)\)@@/g;

/**
 * Checks `path` is a JSON path EventBridge evaluates (`$`, then `.field` or `[index]` parts), and
 * throws `"<where>: '<path>' is not a JSON path …"` otherwise.
 */
export function checkJsonPath(where: string, path: string): void {
  if (!JSON_PATH.test(path)) {
    throw new Error(
      `${where}: '${path}' is not a JSON path EventBridge accepts; use '$' followed by '.field' or '[index]' parts, e.g. '$.detail.email'.`,
    );
  }
  if (path.length > MAX_INPUT_PATH_LENGTH) {
    throw new Error(
      `${where}: the JSON path '${path.slice(0, 40)}…' is ${path.length} characters; EventBridge allows ${MAX_INPUT_PATH_LENGTH}. Select a shorter path.`,
    );
  }
}

/**
 * A field of the event, to place in an input built with `RuleTargetInput.fromObject` or
 * `fromText`. Each method returns a placeholder string: put it anywhere in the object or text
 * (alone as a value, it inserts the field's JSON value; inside a longer string, its text), and the
 * input becomes an input transformer that EventBridge fills in for each event.
 *
 * ```ts
 * RuleTargetInput.fromText(`${EventField.fromPath("$.detail.email")} failed to log in`);
 * ```
 *
 * A field the event may lack (`meta.user`, `meta.user.email`, the names in `meta`, optional
 * detail properties): EventBridge creates no variable for a path missing from the event and
 * leaves it out of the output. Inside a longer string that leaves an empty value; alone as a JSON
 * value it leaves `"key": ` and the target receives invalid JSON. Put optional fields inside text.
 */
export class EventField {
  /** The field at a JSON path of the event, e.g. `$.detail.email` (dot and index parts only). */
  public static fromPath(path: string): string {
    checkJsonPath("EventField.fromPath", path);
    return marker(path);
  }

  /** A field of a Stax event's `detail`, by name (checked against the event catalogue, every category). */
  public static fromDetail(name: StaxDetailField): string {
    return EventField.fromPath(`$.detail.${name}`);
  }

  /** The id of the event. */
  public static get eventId(): string {
    return marker("$.id");
  }
  /** The `detail-type` of the event, e.g. `Security: UserAuthenticationEvent`. */
  public static get detailType(): string {
    return marker("$.detail-type");
  }
  /** The source of the event (the Stax partner event source). */
  public static get source(): string {
    return marker("$.source");
  }
  /** The account the event was delivered to. */
  public static get account(): string {
    return marker("$.account");
  }
  /** The time of the event (ISO 8601). */
  public static get time(): string {
    return marker("$.time");
  }
  /** The region of the event. */
  public static get region(): string {
    return marker("$.region");
  }
  /** The name of the rule that matched (an EventBridge predefined variable). */
  public static get ruleName(): string {
    return marker("aws.events.rule-name");
  }
  /** The ARN of the rule that matched (an EventBridge predefined variable). */
  public static get ruleArn(): string {
    return marker("aws.events.rule-arn");
  }
  /** When EventBridge received the event (an EventBridge predefined variable). */
  public static get ingestionTime(): string {
    return marker("aws.events.event.ingestion-time");
  }

  private constructor() {}
}

function marker(path: string): string {
  return `@@StaxEventField(${path})@@`;
}

/** The fields a rendered template refers to, and the template with `<name>` placeholders. */
export interface ResolvedFields {
  /** Template with `<name>` where each field was. */
  readonly template: string;
  /** Variable name → JSON path, for the paths the template uses. */
  readonly inputPaths: { readonly [name: string]: string };
}

/**
 * Replaces the field placeholders in `json` (a JSON text) with `<name>` variables: a placeholder
 * that is a whole JSON string (`"@@…@@"`) becomes an unquoted `<name>` (the field's JSON value),
 * one inside a longer string becomes `<name>` inside it (the field's text). Returns undefined
 * when `json` has no placeholder.
 */
export function resolveFields(json: string): ResolvedFields | undefined {
  if (!json.match(MARKER)) return undefined;
  const names = new Map<string, string>(); // path → name
  const nameOf = (path: string): string => {
    if (!path.startsWith("$")) return path; // predefined variable
    const existing = names.get(path);
    if (existing) return existing;
    const base = (
      path
        .split(/[.[\]]/)
        .filter(Boolean)
        .pop() ?? "event"
    ).replace(/^\$$/, "event");
    const taken = new Set(names.values());
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    names.set(path, name);
    return name;
  };
  const whole = new RegExp(`"${MARKER.source}"`, "g");
  const template = json
    .replace(whole, (_m, path: string) => `<${nameOf(path)}>`)
    .replace(MARKER, (_m, path: string) => `<${nameOf(path)}>`);
  return { template, inputPaths: Object.fromEntries([...names.entries()].map(([path, name]) => [name, path])) };
}
