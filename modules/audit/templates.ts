/**
 * The rules of the audit log as data: for each Stax event type, the event patterns that split its
 * events by outcome, by whether they have a user and (when Stax may omit it) a `message`, and the
 * input transformer that turns the events of each split into one audit record. Plain TypeScript,
 * no cdktf import: the construct creates one rule per entry, and tests render the records offline.
 *
 * Why split? EventBridge does not escape a value placed inside quotes in a template, and leaves a
 * placeholder whose path is missing out of the output. So no single template can place an optional
 * free-text value safely: inside quotes a `"` in it breaks the JSON; outside quotes (where
 * EventBridge writes it as JSON, escaped) its absence does. The rules below follow three rules:
 * 1. A value is placed outside quotes only when the rule's pattern guarantees it is present
 *    (a required field, or one the pattern requires with `exists`): it can then hold anything.
 * 2. A value that may be missing is placed inside quotes only when it is a token (an enum value,
 *    an id, an email), which holds no quote, backslash or control character; missing, it is "".
 * 3. Optional free text (names, descriptions) is not copied; `context.meta` carries the actor,
 *    organisation and AWS account whole.
 */
import { STAX_EVENT_TYPES } from "../events/catalogue";
import type { EventPattern } from "../pattern/types";
import { AUDIT_ACTIONS, type AuditActionSpec, type AuditResult } from "./mapping";

/** What the audit rules need to know about one event type's detail property. */
export interface AuditPropertySpec {
  /** Property name inside `detail`. */
  readonly name: string;
  /** Whether Stax always sends it. */
  readonly required: boolean;
  /** The values it may take. @default - any string */
  readonly enum?: readonly string[];
  /** String format, e.g. `email`. @default - none */
  readonly format?: string;
}

/** What the audit rules need to know about one event type. */
export interface AuditEventTypeSpec {
  /** The EventBridge `detail-type`, e.g. `Security: UserCreateEvent`. */
  readonly detailType: string;
  /** The event name, e.g. `UserCreateEvent`. */
  readonly name: string;
  /** The detail properties specific to the type. */
  readonly properties: readonly AuditPropertySpec[];
}

/** One audit rule: which events it selects and the input transformer that makes their record. */
export interface AuditRuleSpec {
  /**
   * Stable key of the rule, unique in the audit log: the action and a variant code, `p` or `f`
   * (pass or fail), `u` or `n` (with or without a user), then `m` or `x` (with or without a
   * message) for types whose message is optional; e.g. `policy-create-fnx`.
   */
  readonly key: string;
  /** The `detail-type` the rule selects. */
  readonly detailType: string;
  /** The `result` of the records it writes. */
  readonly result: AuditResult;
  /** Whether it selects events with a user (`detail.meta.user.id`). */
  readonly withUser: boolean;
  /** Whether it selects events with a `message`. @default - undefined: the type always has one, so the rule does not split on it */
  readonly withMessage?: boolean;
  /** Its event pattern, without `source` (the construct pins the bus's partner source). */
  readonly pattern: EventPattern;
  /** Variable name → JSON path of the input transformer. */
  readonly inputPaths: { readonly [name: string]: string };
  /** The input template: a JSON object, one audit record. */
  readonly inputTemplate: string;
}

/** The event types the audit log records: every Security and AccountManagement type of the catalogue. */
export const STAX_AUDITED_EVENT_TYPES: readonly AuditEventTypeSpec[] = STAX_EVENT_TYPES.filter(
  (t) => t.staxEventType === "Security" || t.staxEventType === "AccountManagement",
);

/** Detail properties the record's own fields already cover. */
const COVERED = new Set(["status", "message", "errorCode"]);
const ID_LIKE = /(^id$|Id$|ID$)/;

/**
 * Whether a property is a token: an enum, an email or an id (Stax ids are UUIDs), so it holds no
 * quote, backslash or control character and may sit inside quotes.
 */
export function isTokenProperty(property: AuditPropertySpec): boolean {
  return property.enum !== undefined || property.format === "email" || ID_LIKE.test(property.name);
}

/** Every audit rule for `types`, in catalogue order; throws for a type without an audit mapping. */
export function auditRuleSpecs(types: readonly AuditEventTypeSpec[]): AuditRuleSpec[] {
  return types.flatMap((type) => {
    const action = AUDIT_ACTIONS[type.detailType];
    if (action === undefined) {
      throw new Error(
        `the audit log has no mapping for '${type.detailType}'; add its action, crud, source and summary to AUDIT_ACTIONS.`,
      );
    }
    const message = type.properties.find((p) => p.name === "message");
    const messageSplits: (boolean | undefined)[] = message?.required ? [undefined] : [true, false];
    const specs: AuditRuleSpec[] = [];
    for (const result of ["pass", "fail"] as const) {
      for (const withUser of [true, false]) {
        for (const withMessage of messageSplits) {
          specs.push(ruleSpec(type, action, result, withUser, withMessage));
        }
      }
    }
    return specs;
  });
}

function ruleSpec(
  type: AuditEventTypeSpec,
  action: AuditActionSpec,
  result: AuditResult,
  withUser: boolean,
  withMessage: boolean | undefined,
): AuditRuleSpec {
  const variant = `${result === "pass" ? "p" : "f"}${withUser ? "u" : "n"}${withMessage === undefined ? "" : withMessage ? "m" : "x"}`;
  const key = `${action.action}-${variant}`;
  const detail: Record<string, unknown> = {
    meta: { user: { id: [{ exists: withUser }] } },
    ...(withMessage === undefined ? {} : { message: [{ exists: withMessage }] }),
    ...(result === "fail"
      ? { status: ["FAILED"] }
      : { $or: [{ status: [{ "anything-but": ["FAILED"] }] }, { status: [{ exists: false }] }] }),
  };
  const paths: Record<string, string> = {
    staxEventID: "$.detail.staxEventID",
    organizationId: "$.detail.meta.organization.id",
    staxEventTime: "$.detail.staxEventTime",
    detailType: "$.detail-type",
    eventId: "$.id",
    staxEventSource: "$.detail.staxEventSource",
    status: "$.detail.status",
    meta: "$.detail.meta",
  };
  // A type without errorCode gets the empty string EventBridge would render for the missing path,
  // without an input path the rule's catalogue check would refuse.
  const hasErrorCode = type.properties.some((p) => p.name === "errorCode");
  if (hasErrorCode) paths.errorCode = "$.detail.errorCode";
  if (withUser) {
    paths.userId = "$.detail.meta.user.id";
    paths.userEmail = "$.detail.meta.user.email";
  }
  const hasMessage = withMessage !== false;
  if (hasMessage) paths.message = "$.detail.message";
  const context: string[] = [
    `"detailType": <detailType>`,
    `"eventId": <eventId>`,
    `"staxEventSource": <staxEventSource>`,
    `"status": "<status>"`,
    hasErrorCode ? `"errorCode": "<errorCode>"` : `"errorCode": ""`,
  ];
  for (const property of type.properties) {
    if (COVERED.has(property.name)) continue;
    const name = `d_${property.name}`;
    if (property.required) {
      paths[name] = `$.detail.${property.name}`;
      context.push(`${JSON.stringify(property.name)}: <${name}>`);
    } else if (isTokenProperty(property)) {
      paths[name] = `$.detail.${property.name}`;
      context.push(`${JSON.stringify(property.name)}: "<${name}>"`);
    }
  }
  context.push(`"meta": <meta>`);
  const fields = [
    `"id": <staxEventID>`,
    `"user_email": ${withUser ? '"<userEmail>"' : "null"}`,
    `"user_id": ${withUser ? "<userId>" : "null"}`,
    `"organization_id": <organizationId>`,
    `"crud": ${JSON.stringify(action.crud)}`,
    `"result": ${JSON.stringify(result)}`,
    `"action": ${JSON.stringify(action.action)}`,
    `"source": ${JSON.stringify(action.source)}`,
    `"description": ${hasMessage ? "<message>" : JSON.stringify(action.summary)}`,
    `"event_time": <staxEventTime>`,
    `"context": {${context.join(", ")}}`,
  ];
  return {
    key,
    detailType: type.detailType,
    result,
    withUser,
    withMessage,
    pattern: { "detail-type": [type.detailType], detail: detail as EventPattern },
    inputPaths: paths,
    inputTemplate: `{${fields.join(", ")}}`,
  };
}
