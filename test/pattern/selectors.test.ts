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

describe("bad input", () => {
  const validTypes = `Valid types: ${SECURITY_EVENT_NAMES.join(", ")}.`;

  it("an unknown type name, with the catalogue's message", () => {
    expect(() => selectors.ofType("UserLoginEvent" as SecurityEventName)).toThrow(
      `unknown Stax Security event type 'UserLoginEvent'. ${validTypes}`,
    );
    expect(() => selectors.select({ types: ["UserLoginEvent" as SecurityEventName] })).toThrow(
      `unknown Stax Security event type 'UserLoginEvent'. ${validTypes}`,
    );
  });

  it.each<[string, SecurityEventFilter, string]>([
    ["types", { types: [] }, "the Security event types"],
    ["groups", { groups: [] }, "the groups stax.auth, stax.identity, stax.account, stax.api"],
    ["organizationIds", { organizationIds: [] }, "the Stax organisation ids"],
  ])("an empty %s list", (key, filter, what) => {
    expect(() => selectors.select(filter)).toThrow(
      `${key} is an empty list, which would match nothing; pass at least one of ${what}, or leave ${key} out to select all.`,
    );
  });

  it("an empty list through the shorthand methods", () => {
    expect(() => selectors.ofTypes([])).toThrow("types is an empty list");
    expect(() => selectors.inGroup([])).toThrow("groups is an empty list");
    expect(() => selectors.forOrganization([])).toThrow("organizationIds is an empty list");
  });

  it("an unknown group", () => {
    expect(() => selectors.inGroup("stax.billing" as StaxEventSourceGroup)).toThrow(
      "unknown Stax event source group 'stax.billing'. Valid groups: stax.auth, stax.identity, stax.account, stax.api.",
    );
  });

  it("an unknown status", () => {
    expect(() => selectors.withStatus("FAIL" as SecurityEventStatus)).toThrow(
      "status 'FAIL' is not valid; use 'SUCCESS' or 'FAILED'.",
    );
  });

  it("a blank organisation id", () => {
    expect(() => selectors.forOrganization(" ")).toThrow(
      'organization id " " is not valid; pass the Stax organisation id (a UUID) as it appears in detail.meta.organization.id.',
    );
  });

  it("types outside the groups given", () => {
    expect(() =>
      selectors.select({ types: ["UserAuthenticationEvent", "ApiTokenCreateEvent"], groups: ["stax.auth"] }),
    ).toThrow(
      "types ApiTokenCreateEvent (stax.api) are outside groups stax.auth, so the pattern would never match them. Remove them from types, or add their groups.",
    );
  });

  it("a list where a list is needed", () => {
    expect(() => selectors.select({ types: "UserCreateEvent" as unknown as SecurityEventName[] })).toThrow(
      'types must be a list of the Security event types, got "UserCreateEvent".',
    );
  });

  it("an unknown filter key (a JavaScript caller's typo)", () => {
    expect(() => selectors.select({ type: ["UserCreateEvent"] } as SecurityEventFilter)).toThrow(
      "unknown Security event filter key 'type'. Valid keys: types, groups, status, organizationIds.",
    );
  });

  it("a key in extra that the method sets itself", () => {
    expect(() => selectors.ofType("UserCreateEvent", { types: ["UserDeleteEvent"] } as SecurityEventFilter)).toThrow(
      "ofType: 'types' is set by ofType itself; remove it from the extra filter.",
    );
    expect(() => selectors.failedLogins({ status: "SUCCESS" } as SecurityEventFilter)).toThrow(
      "failedLogins: 'status' is set by failedLogins itself; remove it from the extra filter.",
    );
  });

  it("an unknown preset", () => {
    expect(() => selectors.preset("rootLogins" as SecurityEventPresetName)).toThrow(
      "unknown Security event preset 'rootLogins'. Valid presets: failedLogins, apiTokenLifecycle, identityChanges, policyChanges, allSecurityEvents.",
    );
  });
});
