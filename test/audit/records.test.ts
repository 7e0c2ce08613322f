/**
 * The audit records, rendered offline with `renderInput` from every sample event and from
 * variants of them that use every freedom Stax's schema gives (no user, no email, no message, no
 * optional field, any outcome) and put quotes, backslashes, newlines and control characters in
 * every free-text value: each event matches exactly one audit rule (checked with the library's
 * EventBridge matcher), its record is valid JSON, validates against the record's JSON Schema and
 * maps the fields as documented.
 */
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { compilePattern, renderInput, type EventPattern } from "../../modules/pattern";
import {
  AUDIT_RECORD_SCHEMA,
  auditRuleSpecs,
  STAX_AUDITED_EVENT_TYPES,
  type AuditRecord,
  type AuditRuleSpec,
} from "../../modules/audit";
import { renderPattern } from "../../modules/pattern";
import { STAX_EVENT_TYPES } from "../../modules/events";
import { allSampleEvents, allStaxSampleEvents, uncataloguedEvent, variantEvents } from "../support/fixtures";

const SOURCE = "aws.partner/stax.io/123456789012/default";
const specs = auditRuleSpecs(STAX_AUDITED_EVENT_TYPES);
const compiled = specs.map((spec) => ({ spec, pattern: compilePattern({ source: [SOURCE], ...spec.pattern }) }));
const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(AUDIT_RECORD_SCHEMA);

// Written out here, not read from the code: the action and crud of each type.
const EXPECTED: Record<string, [action: string, crud: string]> = {
  UserAuthenticationEvent: ["user-login", "read"],
  APITokenAuthenticationEvent: ["api-token-login", "read"],
  UserCreateEvent: ["user-create", "create"],
  UserUpdateEvent: ["user-update", "update"],
  UserDeleteEvent: ["user-delete", "delete"],
  UserEmailVerificationEvent: ["user-email-verification-send", "create"],
  UserPasswordResetEvent: ["user-password-reset", "update"],
  GroupCreateEvent: ["group-create", "create"],
  GroupUpdateEvent: ["group-update", "update"],
  GroupDeleteEvent: ["group-delete", "delete"],
  GroupAddMemberEvent: ["group-member-add", "update"],
  GroupRemoveMemberEvent: ["group-member-remove", "update"],
  PolicyCreateEvent: ["policy-create", "create"],
  PolicyUpdateEvent: ["policy-update", "update"],
  PolicyDeleteEvent: ["policy-delete", "delete"],
  PolicyAttachToOrganizationEvent: ["policy-attach-to-organization", "update"],
  PolicyDetachFromOrganizationEvent: ["policy-detach-from-organization", "update"],
  ApiTokenCreateEvent: ["api-token-create", "create"],
  ApiTokenUpdateEvent: ["api-token-update", "update"],
  ApiTokenDeleteEvent: ["api-token-delete", "delete"],
  AccountCreateEvent: ["account-create", "create"],
  AccountUpdateEvent: ["account-update", "update"],
};

// Values that are tokens (ids, enums, times, emails): every other string is free text.
const TOKENS = new Set([
  "id",
  "staxEventID",
  "staxEventTime",
  "staxEventSource",
  "staxEventType",
  "staxEventName",
  "staxEventVersion",
  "status",
  "errorCode",
  "userID",
  "groupID",
  "policyId",
  "organizationId",
  "apiTokenId",
  "ssmKeyId",
  "accountId",
  "awsAccountId",
  "email",
  "role",
  "apiTokenRole",
  "authMethod",
  "loginType",
  "userStatus",
]);
const NASTY = 'He said "hi" \\ C:\\path\\ {"a": 1}\nnext line\ttab\u0001 </b> <message> ${x} ☃';

type Event = { "detail-type": string; detail: Record<string, any> } & Record<string, any>;
const clone = (event: Event): Event => JSON.parse(JSON.stringify(event));

function withFreeText(value: any, key = ""): any {
  if (typeof value === "string") return TOKENS.has(key) ? value : NASTY;
  if (Array.isArray(value)) return value.map((v) => withFreeText(v));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withFreeText(v, k)]));
  }
  return value;
}

/** Variants of one event: outcomes, users, missing optional fields, hostile free text. */
function variants(event: Event): [string, Event][] {
  const name = event.detail.staxEventName;
  const type = STAX_AUDITED_EVENT_TYPES.find((t) => t.detailType === event["detail-type"]);
  const out: [string, Event][] = [[`${name}`, clone(event)]];
  const edit = (label: string, change: (e: Event) => void) => {
    const copy = clone(event);
    change(copy);
    out.push([`${name} ${label}`, copy]);
  };
  edit("FAILED", (e) => (e.detail.status = "FAILED"));
  edit("SUCCESS", (e) => (e.detail.status = "SUCCESS"));
  edit("without status", (e) => delete e.detail.status);
  edit("without user", (e) => delete e.detail.meta.user);
  edit("with user email only", (e) => (e.detail.meta.user = { id: "u-1", email: "jo@example.com" }));
  edit("with a user without email", (e) => (e.detail.meta.user = { id: "u-1", username: "jo" }));
  if (type?.properties.some((p) => p.name === "message" && !p.required)) {
    edit("without message", (e) => delete e.detail.message);
  }
  edit("without meta.aws and optional names", (e) => {
    delete e.detail.meta.aws;
    delete e.detail.meta.customer.name;
    delete e.detail.meta.organization.name;
    delete e.detail.meta.organization.alias;
  });
  edit("without any optional field", (e) => {
    for (const p of type?.properties ?? []) if (!p.required) delete e.detail[p.name];
    delete e.detail.meta.user;
  });
  edit("with hostile free text", (e) => {
    e.detail = withFreeText(e.detail);
    e.detail.message = NASTY;
  });
  edit("with hostile free text, FAILED, no user", (e) => {
    e.detail = withFreeText(e.detail);
    e.detail.status = "FAILED";
    delete e.detail.meta.user;
  });
  return out;
}

function matching(event: Event): AuditRuleSpec[] {
  return compiled.filter((c) => c.pattern.matches(event)).map((c) => c.spec);
}

function record(spec: AuditRuleSpec, event: Event): AuditRecord {
  const text = renderInput(
    { inputTransformer: { inputPaths: spec.inputPaths, inputTemplate: spec.inputTemplate } },
    event,
  );
  return JSON.parse(text);
}

const cases = [
  ...allStaxSampleEvents().flatMap((e) => variants(e as unknown as Event)),
  ...variantEvents().map(([label, e]): [string, Event] => [`variant ${label}`, e as unknown as Event]),
];

describe("audit records", () => {
  it("covers every audited event type with the expected number of cases", () => {
    const names = new Set(cases.map(([, e]) => e.detail.staxEventName));
    expect(names.size).toBe(STAX_AUDITED_EVENT_TYPES.length);
    expect(STAX_AUDITED_EVENT_TYPES).toHaveLength(22);
    expect(specs).toHaveLength(136);
  });

  it.each(cases)("%s: matches exactly one audit rule", (_label, event) => {
    expect(matching(event).map((s) => s.key)).toHaveLength(1);
  });

  it.each(cases)("%s: renders a record that is valid JSON and valid against the schema", (_label, event) => {
    const [spec] = matching(event);
    const audit = record(spec, event);
    expect(validate(audit) ? [] : validate.errors).toEqual([]);
  });

  it.each(cases)("%s: maps the fields as documented", (_label, event) => {
    const [spec] = matching(event);
    const audit = record(spec, event);
    const d = event.detail;
    const [action, crud] = EXPECTED[d.staxEventName];
    expect(audit).toMatchObject({
      id: d.staxEventID,
      organization_id: d.meta.organization.id,
      event_time: d.staxEventTime,
      action,
      crud,
      result: d.status === "FAILED" ? "fail" : "pass",
      source: d.staxEventName === "APITokenAuthenticationEvent" ? "API" : "Web",
      user_id: d.meta.user?.id ?? null,
      user_email: d.meta.user ? (d.meta.user.email ?? "") : null,
    });
    if (typeof d.message === "string") expect(audit.description).toBe(d.message);
    else expect(audit.description).toMatch(/^An? .*\.$/);
    expect(audit.context).toMatchObject({ detailType: event["detail-type"], eventId: event.id, meta: d.meta });
  });

  it("renders the documented record of a failed login (toTransformTo)", () => {
    const [login] = allSampleEvents().filter((e) => e.detail.staxEventName === "UserAuthenticationEvent");
    const event = clone(login as unknown as Event);
    event.detail.status = "FAILED";
    const [spec] = matching(event);
    const input = { inputTransformer: { inputPaths: spec.inputPaths, inputTemplate: spec.inputTemplate } };
    expect(input).toTransformTo(event, {
      id: event.detail.staxEventID,
      user_email: "",
      user_id: event.detail.meta.user.id,
      organization_id: event.detail.meta.organization.id,
      crud: "read",
      result: "fail",
      action: "user-login",
      source: "Web",
      description: event.detail.message,
      event_time: event.detail.staxEventTime,
      context: expect.objectContaining({ status: "FAILED", authMethod: event.detail.authMethod }),
    });
  });
});

describe("audit rules", () => {
  it("stays within EventBridge's limits: pattern size, template size, input paths, one target each", () => {
    for (const spec of specs) {
      expect(renderPattern({ source: [SOURCE], ...spec.pattern } as EventPattern).length).toBeLessThanOrEqual(2048);
      expect(spec.inputTemplate.length).toBeLessThanOrEqual(8192);
      expect(Object.keys(spec.inputPaths).length).toBeLessThanOrEqual(100);
    }
  });

  it("has unique keys, at most 35 characters so rule names fit in 64", () => {
    const keys = specs.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(35);
  });

  it("gives every catalogued Security and AccountManagement type its rules: 4, or 8 when its message is optional", () => {
    const audited = STAX_EVENT_TYPES.filter((t) => ["Security", "AccountManagement"].includes(t.staxEventType));
    expect(audited).toHaveLength(22);
    for (const type of audited) {
      const optionalMessage = type.properties.some((p) => p.name === "message" && !p.required);
      expect([type.detailType, specs.filter((s) => s.detailType === type.detailType).length]).toEqual([
        type.detailType,
        optionalMessage ? 8 : 4,
      ]);
    }
  });

  it("writes no record for a Stax event type the catalogue does not list yet", () => {
    expect(matching(uncataloguedEvent("Security", "UserMfaResetEvent") as unknown as Event)).toEqual([]);
  });

  it("refuses an event type without an audit mapping", () => {
    expect(() =>
      auditRuleSpecs([{ detailType: "Security: UserMfaResetEvent", name: "UserMfaResetEvent", properties: [] }]),
    ).toThrow(
      "the audit log has no mapping for 'Security: UserMfaResetEvent'; add its action, crud, source and summary to AUDIT_ACTIONS.",
    );
  });
});
