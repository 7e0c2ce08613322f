import {
  SECURITY_EVENT_NAMES,
  type SecurityEventName,
  type SecurityEventStatus,
  type StaxEventSourceGroup,
} from "stax-events-cdktf/events";
import { SecurityEventPresets, type SecurityEventPresetName } from "../../modules/pattern/presets";
import { SecurityEvents, type SecurityEventFilter } from "../../modules/pattern/selectors";

const SOURCE = "aws.partner/stax.io/123456789012/default";
const ORG = "e87cb45c-05ad-489d-a890-4ea398345c24";
const selectors = SecurityEvents.from(SOURCE);
const ANY_SECURITY = [{ prefix: "Security: " }];

describe("SecurityEvents.from", () => {
  it.each(["aws.partner/stax.io/123456789012/default", "aws.partner/stax.io/123456789012/security-alerts_v2.prod"])(
    "accepts the partner event source %s",
    (source) => {
      expect(SecurityEvents.from(source).source).toBe(source);
    },
  );

  it.each([
    "default",
    "aws.partner/stax.io/12345678901/default",
    "aws.partner/stax.io/123456789012/",
    "aws.partner/example.com/123456789012/default",
    "aws.partner/stax.io/123456789012/bad name",
    "aws.guardduty",
  ])("rejects %s, naming the value and the expected form", (source) => {
    expect(() => SecurityEvents.from(source)).toThrow(
      `Stax partner event source '${source}' is not valid; expected 'aws.partner/stax.io/<12-digit account id>/<name>', e.g. 'aws.partner/stax.io/123456789012/default'.`,
    );
  });

  it("does not check an unresolved token", () => {
    const token = "aws.partner/stax.io/${TfToken[TOKEN.1]}/default";
    expect(SecurityEvents.from(token).ofType("UserCreateEvent").source).toEqual([token]);
  });
});

describe("SecurityEventSelectors", () => {
  it("ofType pins the source and the detail-type", () => {
    expect(selectors.ofType("UserAuthenticationEvent")).toEqual({
      source: [SOURCE],
      "detail-type": ["Security: UserAuthenticationEvent"],
    });
  });

  it("ofType narrows further with extra", () => {
    expect(selectors.ofType("UserCreateEvent", { status: "FAILED", organizationIds: [ORG] })).toEqual({
      source: [SOURCE],
      "detail-type": ["Security: UserCreateEvent"],
      detail: { status: ["FAILED"], meta: { organization: { id: [ORG] } } },
    });
  });

  it("ofTypes sorts the types into catalogue order and drops duplicates", () => {
    expect(selectors.ofTypes(["PolicyDeleteEvent", "UserCreateEvent", "PolicyDeleteEvent"])).toEqual({
      source: [SOURCE],
      "detail-type": ["Security: UserCreateEvent", "Security: PolicyDeleteEvent"],
    });
  });

  it("inGroup selects by staxEventSource, within Security events", () => {
    expect(selectors.inGroup(["stax.api", "stax.auth"])).toEqual({
      source: [SOURCE],
      "detail-type": ANY_SECURITY,
      detail: { staxEventSource: ["stax.auth", "stax.api"] },
    });
    expect(selectors.inGroup("stax.identity")).toEqual(selectors.select({ groups: ["stax.identity"] }));
  });

  it("withStatus selects by outcome, within Security events", () => {
    expect(selectors.withStatus("FAILED", { groups: ["stax.account"] })).toEqual({
      source: [SOURCE],
      "detail-type": ANY_SECURITY,
      detail: { status: ["FAILED"], staxEventSource: ["stax.account"] },
    });
  });

  it("forOrganization selects by organisation id, keeping order and dropping duplicates", () => {
    const other = "0b7d6c5e-4f3a-4b2c-9d1e-8f7a6b5c4d3e";
    expect(selectors.forOrganization([ORG, other, ORG])).toEqual({
      source: [SOURCE],
      "detail-type": ANY_SECURITY,
      detail: { meta: { organization: { id: [ORG, other] } } },
    });
    expect(selectors.forOrganization(ORG)).toEqual(selectors.select({ organizationIds: [ORG] }));
  });

  it("select with every key uses them all; with none it selects every Security event", () => {
    expect(
      selectors.select({
        types: ["ApiTokenDeleteEvent", "ApiTokenCreateEvent"],
        groups: ["stax.api"],
        status: "SUCCESS",
        organizationIds: [ORG],
      }),
    ).toEqual({
      source: [SOURCE],
      "detail-type": ["Security: ApiTokenCreateEvent", "Security: ApiTokenDeleteEvent"],
      detail: { status: ["SUCCESS"], staxEventSource: ["stax.api"], meta: { organization: { id: [ORG] } } },
    });
    expect(selectors.select()).toEqual({ source: [SOURCE], "detail-type": ANY_SECURITY });
  });

  it("returns a plain object that renders as the same JSON EventBridge is given", () => {
    const pattern = selectors.failedLogins();
    expect(JSON.parse(JSON.stringify(pattern))).toEqual(pattern);
  });
});

describe("presets", () => {
  const cases: [SecurityEventPresetName, () => object][] = [
    ["failedLogins", () => selectors.failedLogins()],
    ["apiTokenLifecycle", () => selectors.apiTokenLifecycle()],
    ["identityChanges", () => selectors.identityChanges()],
    ["policyChanges", () => selectors.policyChanges()],
    ["allSecurityEvents", () => selectors.allSecurityEvents()],
  ];

  it.each(cases)("%s selects the types SecurityEventPresets lists", (name, build) => {
    const preset = SecurityEventPresets[name];
    expect(build()).toEqual({
      source: [SOURCE],
      "detail-type": preset.types.map((t) => `Security: ${t}`),
      ...(preset.status ? { detail: { status: [preset.status] } } : {}),
    });
    expect(selectors.preset(name)).toEqual(build());
  });

  it("failedLogins selects the two authentication events with status FAILED", () => {
    expect(selectors.failedLogins()).toEqual({
      source: [SOURCE],
      "detail-type": ["Security: UserAuthenticationEvent", "Security: APITokenAuthenticationEvent"],
      detail: { status: ["FAILED"] },
    });
  });

  it("lists preset types in catalogue order, and allSecurityEvents lists all 20", () => {
    for (const preset of Object.values(SecurityEventPresets)) {
      expect(preset.types).toEqual(SECURITY_EVENT_NAMES.filter((n) => preset.types.includes(n)));
    }
    expect(SecurityEventPresets.allSecurityEvents.types).toEqual(SECURITY_EVENT_NAMES);
  });

  it("identityChanges is exactly the stax.identity group", () => {
    expect(SecurityEventPresets.identityChanges.types).toHaveLength(10);
    expect(selectors.identityChanges()["detail-type"]).toEqual(
      selectors.ofTypes(SecurityEventPresets.identityChanges.types)["detail-type"],
    );
  });

  it("presets narrow further with extra", () => {
    expect(selectors.failedLogins({ organizationIds: [ORG] })).toEqual({
      source: [SOURCE],
      "detail-type": ["Security: UserAuthenticationEvent", "Security: APITokenAuthenticationEvent"],
      detail: { status: ["FAILED"], meta: { organization: { id: [ORG] } } },
    });
  });
});

describe("bad input: every message starts with the selector called", () => {
  const validTypes = `Use one of ${SECURITY_EVENT_NAMES.map((n) => `'${n}'`).join(", ")}.`;

  it("an unknown type name, with the catalogue's names", () => {
    expect(() => selectors.ofType("UserLoginEvent" as SecurityEventName)).toThrow(
      `securityEvents.ofType: types[0] 'UserLoginEvent' is not valid. ${validTypes}`,
    );
    expect(() => selectors.select({ types: ["UserCreateEvnt" as SecurityEventName] })).toThrow(
      `securityEvents.select: types[0] 'UserCreateEvnt' is not valid; did you mean 'UserCreateEvent'? ${validTypes}`,
    );
  });

  it("a detail-type where an event name belongs", () => {
    expect(() => selectors.ofType("Security: UserCreateEvent" as SecurityEventName)).toThrow(
      "securityEvents.ofType: types[0] 'Security: UserCreateEvent' is a detail-type; pass the event name 'UserCreateEvent'.",
    );
  });

  it.each<[string, SecurityEventFilter, string]>([
    ["types", { types: [] }, "pass at least one of the Security event types"],
    ["groups", { groups: [] }, "pass at least one group"],
    ["organizationIds", { organizationIds: [] }, "pass at least one Stax organisation id"],
  ])("an empty %s list", (key, filter, what) => {
    expect(() => selectors.select(filter)).toThrow(
      `securityEvents.select: ${key} is an empty list, which would match nothing; ${what}, or leave ${key} out to select all.`,
    );
  });

  it("an empty list through the shorthand methods", () => {
    expect(() => selectors.ofTypes([])).toThrow("securityEvents.ofTypes: types is an empty list");
    expect(() => selectors.inGroup([])).toThrow("securityEvents.inGroup: groups is an empty list");
    expect(() => selectors.forOrganization([])).toThrow(
      "securityEvents.forOrganization: organizationIds is an empty list",
    );
  });

  it("an unknown group, with a did-you-mean for a near miss", () => {
    expect(() => selectors.inGroup("stax.billing" as StaxEventSourceGroup)).toThrow(
      "securityEvents.inGroup: groups[0] 'stax.billing' is not valid. Use one of 'stax.auth', 'stax.identity', 'stax.account', 'stax.api'.",
    );
    expect(() => selectors.inGroup("stax.ident" as StaxEventSourceGroup)).toThrow(
      "securityEvents.inGroup: groups[0] 'stax.ident' is not valid; did you mean 'stax.identity'?",
    );
  });

  it("an unknown status, and one in the wrong case", () => {
    expect(() => selectors.withStatus("FAIL" as SecurityEventStatus)).toThrow(
      "securityEvents.withStatus: status 'FAIL' is not valid; did you mean 'FAILED'? Use one of 'SUCCESS', 'FAILED'.",
    );
    expect(() => selectors.withStatus("success" as SecurityEventStatus)).toThrow(
      "securityEvents.withStatus: status 'success' is not valid; did you mean 'SUCCESS'?",
    );
  });

  it("a blank organisation id, and one given as a number", () => {
    expect(() => selectors.forOrganization(" ")).toThrow(
      'securityEvents.forOrganization: organizationIds[0] " " is not valid; pass the Stax organisation id (a UUID) as it appears in detail.meta.organization.id.',
    );
    expect(() => selectors.failedLogins({ organizationIds: [5 as unknown as string] })).toThrow(
      "securityEvents.failedLogins: organizationIds[0] is a number; quote it: '5'.",
    );
  });

  it("types outside the groups given", () => {
    expect(() =>
      selectors.select({ types: ["UserAuthenticationEvent", "ApiTokenCreateEvent"], groups: ["stax.auth"] }),
    ).toThrow(
      "securityEvents.select: types ApiTokenCreateEvent (stax.api) are outside groups stax.auth, so the pattern would never match them. Remove them from types, or add their groups.",
    );
  });

  it("a single value where a list is needed, and the wrong JSON type", () => {
    expect(() => selectors.select({ types: "UserCreateEvent" as unknown as SecurityEventName[] })).toThrow(
      "securityEvents.select: types is a string; wrap it in a list: ['UserCreateEvent'].",
    );
    expect(() => selectors.select({ status: 1 as unknown as SecurityEventStatus })).toThrow(
      "securityEvents.select: status is a number; quote it: '1'. Use one of 'SUCCESS', 'FAILED'.",
    );
    expect(() => selectors.select("UserCreateEvent" as unknown as SecurityEventFilter)).toThrow(
      "securityEvents.select: filter is a string; pass an object. Valid keys: types, groups, status, organizationIds.",
    );
  });

  it("an unknown filter key (a JavaScript caller's typo), with a did-you-mean", () => {
    expect(() => selectors.select({ type: ["UserCreateEvent"] } as SecurityEventFilter)).toThrow(
      "securityEvents.select: filter key 'type' is not valid; did you mean 'types'? Valid keys: types, groups, status, organizationIds.",
    );
    expect(() => selectors.failedLogins({ organizationId: "abc" } as SecurityEventFilter)).toThrow(
      "securityEvents.failedLogins: filter key 'organizationId' is not valid; did you mean 'organizationIds'? Valid keys: types, groups, status, organizationIds.",
    );
  });

  it("a key in extra that the method sets itself", () => {
    expect(() => selectors.ofType("UserCreateEvent", { types: ["UserDeleteEvent"] } as SecurityEventFilter)).toThrow(
      "securityEvents.ofType: 'types' is set by the selector itself; remove it from the filter.",
    );
    expect(() => selectors.failedLogins({ status: "SUCCESS" } as SecurityEventFilter)).toThrow(
      "securityEvents.failedLogins: 'status' is set by the selector itself; remove it from the filter.",
    );
  });

  it("an unknown preset", () => {
    expect(() => selectors.preset("rootLogins" as SecurityEventPresetName)).toThrow(
      "securityEvents.preset: preset 'rootLogins' is not valid. Valid presets: failedLogins, apiTokenLifecycle, identityChanges, policyChanges, allSecurityEvents.",
    );
    expect(() => selectors.preset("failedLogin" as SecurityEventPresetName)).toThrow(
      "securityEvents.preset: preset 'failedLogin' is not valid; did you mean 'failedLogins'?",
    );
  });

  it("accepts valid edge cases: a token organisation id, duplicates dropped", () => {
    expect(selectors.forOrganization(["${var.org}", "${var.org}"]).detail).toEqual({
      meta: { organization: { id: ["${var.org}"] } },
    });
  });
});
