import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import {
  ACCOUNT_MANAGEMENT_EVENT_NAMES,
  SECURITY_EVENT_NAMES,
  SECURITY_EVENT_TYPES,
  STAX_DETAIL_TYPES,
  STAX_EVENT_CATEGORIES,
  STAX_EVENT_CATEGORY_NAMES,
  STAX_EVENT_META,
  STAX_EVENT_SOURCE_GROUPS,
  STAX_EVENT_TYPES,
  categoryEventType,
  detailType,
  isCataloguedStaxEvent,
  isStaxDetailType,
  staxEventCategory,
  staxEventType,
  isSecurityEventName,
  securityEventNamesInGroup,
  securityEventType,
  type StaxEventSourceGroup,
} from "stax-events-cdktf/events";

/** The headings of the Security events schema seed, in its order. */
const SEED_HEADINGS = [
  "UserAuthenticationEvent",
  "APITokenAuthenticationEvent",
  "UserCreateEvent",
  "UserUpdateEvent",
  "UserDeleteEvent",
  "UserEmailVerificationEvent",
  "UserPasswordResetEvent",
  "GroupCreateEvent",
  "GroupUpdateEvent",
  "GroupDeleteEvent",
  "GroupAddMemberEvent",
  "GroupRemoveMemberEvent",
  "PolicyCreateEvent",
  "PolicyUpdateEvent",
  "PolicyDeleteEvent",
  "PolicyAttachToOrganizationEvent",
  "PolicyDetachFromOrganizationEvent",
  "ApiTokenCreateEvent",
  "ApiTokenUpdateEvent",
  "ApiTokenDeleteEvent",
];

describe("Security event catalogue", () => {
  it("has exactly the 20 event types of the schema seed, in seed order", () => {
    expect(SECURITY_EVENT_NAMES).toEqual(SEED_HEADINGS);
    expect(SECURITY_EVENT_TYPES).toHaveLength(20);
  });

  it("gives every type the detail-type 'Security: <Name>'", () => {
    for (const spec of SECURITY_EVENT_TYPES) {
      expect(spec.detailType).toBe(`Security: ${spec.name}`);
      expect(detailType(spec.name)).toBe(`Security: ${spec.name}`);
    }
  });

  it("splits the types over the four staxEventSource groups", () => {
    const counts = Object.fromEntries(STAX_EVENT_SOURCE_GROUPS.map((g) => [g, securityEventNamesInGroup(g).length]));
    expect(counts).toEqual({ "stax.auth": 2, "stax.identity": 10, "stax.account": 5, "stax.api": 3 });
    expect(securityEventNamesInGroup("stax.api")).toEqual([
      "ApiTokenCreateEvent",
      "ApiTokenUpdateEvent",
      "ApiTokenDeleteEvent",
    ]);
  });

  it("lists each detail property once, with clean enum values", () => {
    for (const spec of SECURITY_EVENT_TYPES) {
      const names = spec.properties.map((p) => p.name);
      expect(new Set(names).size).toBe(names.length);
      for (const property of spec.properties) {
        for (const value of ("enum" in property ? property.enum : []) as readonly string[]) {
          expect(value).toMatch(/^[A-Za-z_]+$/); // no "ACTIVE,DISABLED", no stray spaces
        }
      }
    }
  });

  it("reads the seed's quirks as reviewed", () => {
    const property = (type: string, name: string) => securityEventType(type).properties.find((p) => p.name === name);
    expect(property("UserUpdateEvent", "userStatus")?.enum).toEqual(["ACTIVE", "DISABLED"]);
    expect(property("UserCreateEvent", "email")).toMatchObject({ type: "string", format: "email", required: true });
    expect(property("PolicyUpdateEvent", "errorCode")).toMatchObject({ type: "string" });
    expect(property("UserEmailVerificationEvent", "firstName")?.enum).toBeUndefined();
    expect(property("APITokenAuthenticationEvent", "status")?.enum).toEqual(["SUCCESS", "FAILED"]);
    expect(property("UserAuthenticationEvent", "loginType")?.note).toBe("Populated when authMethod is 'Login'.");
  });

  describe("securityEventType", () => {
    it("returns the catalogue entry of a known name", () => {
      expect(securityEventType("ApiTokenDeleteEvent")).toMatchObject({
        detailType: "Security: ApiTokenDeleteEvent",
        staxEventSource: "stax.api",
      });
      expect(isSecurityEventName("GroupCreateEvent")).toBe(true);
      expect(isSecurityEventName("UserLoginEvent")).toBe(false);
    });

    it("rejects an unknown name, listing the valid ones", () => {
      expect(() => securityEventType("UserLoginEvent")).toThrow(
        `unknown Stax Security event type 'UserLoginEvent'. Valid types: ${SEED_HEADINGS.join(", ")}.`,
      );
    });

    it("tells a caller who passes a detail-type to pass the name", () => {
      expect(() => securityEventType("Security: UserCreateEvent")).toThrow(
        "unknown Stax Security event type 'Security: UserCreateEvent'. Pass the event name 'UserCreateEvent', not the detail-type. Valid types: UserAuthenticationEvent,",
      );
    });
  });

  it("rejects an unknown staxEventSource group, listing the valid ones", () => {
    expect(() => securityEventNamesInGroup("stax.billing" as StaxEventSourceGroup)).toThrow(
      "unknown Stax event source group 'stax.billing'. Valid groups: stax.auth, stax.identity, stax.account, stax.api.",
    );
  });
});

describe("the catalogue: one structure for every category", () => {
  it("lists Security (20 types) and AccountManagement (2 types), in that order", () => {
    expect(STAX_EVENT_CATEGORY_NAMES).toEqual(["Security", "AccountManagement"]);
    expect(STAX_EVENT_CATEGORIES.map((c) => c.types.length)).toEqual([20, 2]);
    expect(ACCOUNT_MANAGEMENT_EVENT_NAMES).toEqual(["AccountCreateEvent", "AccountUpdateEvent"]);
    expect(STAX_EVENT_TYPES).toHaveLength(22);
  });

  it("gives every type the detail-type '<staxEventType>: <name>', unique across categories", () => {
    for (const category of STAX_EVENT_CATEGORIES) {
      for (const spec of category.types) {
        expect(spec.staxEventType).toBe(category.name);
        expect(spec.detailType).toBe(`${category.name}: ${spec.name}`);
      }
    }
    expect(new Set(STAX_DETAIL_TYPES).size).toBe(22);
    expect(new Set(STAX_EVENT_TYPES.map((t) => t.name)).size).toBe(22); // so staxEventName alone discriminates
  });

  it("has the AccountManagement properties Stax documents, from stax.account", () => {
    const spec = staxEventType("AccountManagement: AccountUpdateEvent");
    expect(spec.staxEventSource).toBe("stax.account");
    expect(spec.properties.map((p) => [p.name, p.required])).toEqual([
      ["accountId", true],
      ["awsAccountId", false],
      ["accountName", false],
      ["accountType", false],
      ["status", true],
      ["errorCode", false],
      ["message", false],
    ]);
    expect(spec.properties.find((p) => p.name === "status")?.enum).toEqual(["SUCCESS", "FAILED"]);
    expect(staxEventType("AccountManagement: AccountCreateEvent").properties).toEqual(spec.properties);
  });

  it("describes the common meta properties as Stax documents them", () => {
    const table = STAX_EVENT_META.map((o) => [
      o.name,
      o.required,
      o.members.map((m) => `${m.name}${m.required ? "" : "?"}`),
    ]);
    expect(table).toEqual([
      ["customer", true, ["id", "name?"]],
      ["organization", true, ["id", "name?", "alias?"]],
      ["user", false, ["id", "username?", "email?"]],
      ["aws", false, ["accountId", "accountName?", "region?"]],
    ]);
    const username = STAX_EVENT_META[2].members[1];
    expect(username).toMatchObject({ name: "username", deprecated: expect.stringContaining("use email") });
  });

  it("looks types up by detail-type and by category and name", () => {
    expect(staxEventType("Security: GroupCreateEvent").name).toBe("GroupCreateEvent");
    expect(categoryEventType("AccountManagement", "AccountCreateEvent").detailType).toBe(
      "AccountManagement: AccountCreateEvent",
    );
    expect(isStaxDetailType("AccountManagement: AccountUpdateEvent")).toBe(true);
    expect(isStaxDetailType("AccountManagement: AccountDeleteEvent")).toBe(false);
  });

  it("rejects an unknown category, type or detail-type, listing the known ones", () => {
    expect(() => staxEventCategory("Billing")).toThrow(
      "unknown Stax event category 'Billing'. Catalogued categories: Security, AccountManagement.",
    );
    expect(() => categoryEventType("AccountManagement", "AccountDeleteEvent")).toThrow(
      "unknown Stax AccountManagement event type 'AccountDeleteEvent'. Valid types: AccountCreateEvent, AccountUpdateEvent.",
    );
    expect(() => categoryEventType("AccountManagement", "AccountManagement: AccountCreateEvent")).toThrow(
      "Pass the event name 'AccountCreateEvent', not the detail-type.",
    );
    expect(() => staxEventType("Security: UserLoginEvent")).toThrow(
      "staxEventType: unknown Stax detail-type 'Security: UserLoginEvent'. Catalogued detail-types: Security: UserAuthenticationEvent,",
    );
  });

  it("tells catalogued events from the types Stax adds later (isCataloguedStaxEvent)", () => {
    expect(isCataloguedStaxEvent({ "detail-type": "AccountManagement: AccountCreateEvent" })).toBe(true);
    expect(isCataloguedStaxEvent({ "detail-type": "Security: UserMfaResetEvent" })).toBe(false);
    expect(isCataloguedStaxEvent({ "detail-type": "ServiceConfiguration: NetworkUpdateEvent" })).toBe(false);
  });
});

/** The schema seed, when the shared folder is checked out next to the repo. */
function readSeed(): string | undefined {
  const dir = join(__dirname, "..", "..", "..", "shared", "seeds");
  const file = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith("003_")) : undefined;
  return file === undefined ? undefined : readFileSync(join(dir, file), "utf8");
}

const seed = readSeed();

(seed === undefined ? describe.skip : describe)("catalogue against the schema seed (../shared/seeds/003_*)", () => {
  const sections = (seed ?? "").split(/^Security: (?=\w+$)/m).slice(1);

  it("has the seed's headings", () => {
    expect(sections.map((s) => s.split("\n")[0])).toEqual(SEED_HEADINGS);
  });

  it.each(sections.map((s) => [s.split("\n")[0], s]))("%s: description, source and properties", (name, text) => {
    const spec = securityEventType(name);
    const lines = text.split("\n").filter((l) => l.trim() !== "");
    expect(lines[1]).toBe(spec.description);
    expect(text).toContain(`"staxEventSource": "${spec.staxEventSource}"`);
    const rows = [...text.matchAll(/^→ (\w+?)(string\(email\)|string|any)(true|false)/gm)];
    expect(rows.map(([, p, , required]) => [p, required === "true"])).toEqual(
      spec.properties.map((p) => [p.name, p.required]),
    );
  });
});
