/**
 * Contract: every selector and preset, of both categories, selects exactly the fixtures it should
 * among the samples of both categories, the variants of the common schema and events of types the
 * catalogue does not list yet, checked with the library's offline matcher (which agrees with
 * EventBridge's own engine), and rejects the same events arriving from anywhere else.
 *
 * The expectation of each selector is written here from the event's fields (its oracle), not
 * derived from the pattern it builds.
 */
import {
  ACCOUNT_MANAGEMENT_EVENT_NAMES,
  SECURITY_EVENT_NAMES,
  STAX_EVENT_SOURCE_GROUPS,
  type StaxEventStatus,
} from "stax-events-cdktf/events";
import { checkPatternCatalogue } from "../../modules/pattern/catalogue-reach";
import { matches } from "../../modules/pattern/matcher";
import {
  AccountManagementEventPresets,
  SecurityEventPresets,
  StaxEvents,
  type AccountManagementEventPresetName,
  type SecurityEventPresetName,
} from "../../modules/pattern/selectors";
import type { EventPattern } from "../../modules/pattern/types";
import { patternSize, validatePattern } from "../../modules/pattern/validate";
import {
  SAMPLE_ORGANIZATION_ID,
  SAMPLE_SOURCE,
  allStaxSampleEvents,
  uncataloguedEvent,
  variantEvents,
} from "../support/fixtures";

const stax = StaxEvents.from(SAMPLE_SOURCE);
const { security, accountManagement } = stax;

/** Detail-types Stax might add later (hypothetical): a Security type, an AccountManagement type, a new category. */
const FUTURE_TYPES = [
  "Security: UserMfaResetEvent",
  "AccountManagement: AccountCloseEvent",
  "ServiceConfiguration: NetworkUpdateEvent",
];

/** The corpus: every sample, every variant, and events of types Stax may add later. */
interface Labelled {
  readonly label: string;
  readonly event: { readonly "detail-type": string; readonly detail: any };
}
const corpus: Labelled[] = [
  ...allStaxSampleEvents().map((event) => ({ label: event["detail-type"], event })),
  ...variantEvents().map(([label, event]) => ({ label: `variant ${label}`, event })),
  ...FUTURE_TYPES.map((type) => {
    const [category, name] = type.split(": ");
    return { label: `future ${type}`, event: uncataloguedEvent(category, name) };
  }),
];

type Oracle = (event: Labelled["event"]) => boolean;
const inCategory =
  (category: string): Oracle =>
  (e) =>
    e["detail-type"].startsWith(`${category}: `);
const isType =
  (category: string, names: readonly string[]): Oracle =>
  (e) =>
    names.some((name) => e["detail-type"] === `${category}: ${name}`);
const hasStatus =
  (status: StaxEventStatus | undefined): Oracle =>
  (e) =>
    status === undefined || e.detail.status === status;
const both =
  (a: Oracle, b: Oracle): Oracle =>
  (e) =>
    a(e) && b(e);

const SECURITY_PRESETS = Object.keys(SecurityEventPresets) as SecurityEventPresetName[];
const ACCOUNT_PRESETS = Object.keys(AccountManagementEventPresets) as AccountManagementEventPresetName[];

/** Every selector and preset: its label, its pattern and which events it must select. */
const SELECTORS: [string, EventPattern, Oracle][] = [
  ...SECURITY_EVENT_NAMES.map((n): [string, EventPattern, Oracle] => [
    `security.ofType(${n})`,
    security.ofType(n),
    isType("Security", [n]),
  ]),
  ...ACCOUNT_MANAGEMENT_EVENT_NAMES.map((n): [string, EventPattern, Oracle] => [
    `accountManagement.ofType(${n})`,
    accountManagement.ofType(n),
    isType("AccountManagement", [n]),
  ]),
  ...SECURITY_PRESETS.map((p): [string, EventPattern, Oracle] => [
    `security.${p}()`,
    security.preset(p),
    both(isType("Security", SecurityEventPresets[p].types), hasStatus(SecurityEventPresets[p].status)),
  ]),
  ...ACCOUNT_PRESETS.map((p): [string, EventPattern, Oracle] => [
    `accountManagement.${p}()`,
    accountManagement.preset(p),
    both(
      isType("AccountManagement", AccountManagementEventPresets[p].types),
      hasStatus(AccountManagementEventPresets[p].status),
    ),
  ]),
  ...STAX_EVENT_SOURCE_GROUPS.map((g): [string, EventPattern, Oracle] => [
    `security.inGroup(${g})`,
    security.inGroup(g),
    both(inCategory("Security"), (e) => e.detail.staxEventSource === g),
  ]),
  [
    "accountManagement.inGroup(stax.account)",
    accountManagement.inGroup("stax.account"),
    inCategory("AccountManagement"),
  ],
  ...(["SUCCESS", "FAILED"] as const).flatMap((s): [string, EventPattern, Oracle][] => [
    [`security.withStatus(${s})`, security.withStatus(s), both(inCategory("Security"), hasStatus(s))],
    [
      `accountManagement.withStatus(${s})`,
      accountManagement.withStatus(s),
      both(inCategory("AccountManagement"), hasStatus(s)),
    ],
  ]),
  ["security.forOrganization(sample org)", security.forOrganization(SAMPLE_ORGANIZATION_ID), inCategory("Security")],
  [
    "accountManagement.forOrganization(sample org)",
    accountManagement.forOrganization(SAMPLE_ORGANIZATION_ID),
    inCategory("AccountManagement"),
  ],
  ["security.select()", security.select(), inCategory("Security")],
  ["accountManagement.select()", accountManagement.select(), inCategory("AccountManagement")],
  ["stax.uncatalogued()", stax.uncatalogued(), (e) => FUTURE_TYPES.includes(e["detail-type"])],
  ["stax.all()", stax.all(), () => true],
];

function selected(pattern: EventPattern): string[] {
  return corpus.filter(({ event }) => matches(pattern, event)).map(({ label }) => label);
}

describe("every selector and preset", () => {
  it.each(SELECTORS)("%s builds a pattern EventBridge accepts", (_label, pattern) => {
    expect(() => validatePattern(pattern)).not.toThrow();
  });

  it.each(SELECTORS)(
    "%s selects exactly its own events among both categories, variants and future types",
    (_label, pattern, oracle) => {
      const expected = corpus.filter(({ event }) => oracle(event)).map(({ label }) => label);
      expect(expected.length).toBeGreaterThan(0); // every selector is exercised by at least one event
      expect(selected(pattern)).toEqual(expected);
    },
  );

  it.each(SELECTORS)("%s passes the catalogue checks with no finding", (_label, pattern) => {
    expect(checkPatternCatalogue(pattern).findings).toEqual([]);
  });

  it("stays well inside the 2048-character limit, even all 20 types for a few organisations", () => {
    const orgs = ["e87cb45c-05ad-489d-a890-4ea398345c24", "6c1e2f4a-8b3d-4e5f-a7c9-0d1b2e3f4a5b"];
    const largest = security.allSecurityEvents({ status: "FAILED", organizationIds: orgs });
    expect(() => validatePattern(largest)).not.toThrow();
    expect(patternSize(largest)).toBeLessThan(1500);
    expect(patternSize(stax.uncatalogued())).toBeLessThan(1000);
  });
});

describe("what the presets select, spelled out", () => {
  it("failedLogins: the two failed authentication samples and the failed-login variant", () => {
    expect(selected(security.failedLogins())).toEqual([
      "Security: UserAuthenticationEvent",
      "Security: APITokenAuthenticationEvent",
      "variant user-email-only",
    ]);
  });

  it("failedAccountOperations: the failed account update only", () => {
    expect(selected(accountManagement.failedAccountOperations())).toEqual(["AccountManagement: AccountUpdateEvent"]);
  });

  it("allAccountManagementEvents: both AccountManagement samples, not a future AccountManagement type", () => {
    expect(selected(accountManagement.allAccountManagementEvents())).toEqual([
      "AccountManagement: AccountCreateEvent",
      "AccountManagement: AccountUpdateEvent",
    ]);
  });

  it("uncatalogued: only the types the catalogue does not list, of any category", () => {
    expect(selected(stax.uncatalogued())).toEqual([
      "future Security: UserMfaResetEvent",
      "future AccountManagement: AccountCloseEvent",
      "future ServiceConfiguration: NetworkUpdateEvent",
    ]);
  });

  it("select() by prefix includes a future type of its category; the listing presets do not", () => {
    expect(selected(security.select())).toContain("future Security: UserMfaResetEvent");
    expect(selected(security.allSecurityEvents())).not.toContain("future Security: UserMfaResetEvent");
    expect(selected(accountManagement.select())).toContain("future AccountManagement: AccountCloseEvent");
  });

  it("failedLogins no longer matches the authentication samples once they succeed", () => {
    const succeeded = corpus
      .filter(({ event }) => event.detail.staxEventSource === "stax.auth")
      .map(({ event }) => ({ ...event, detail: { ...event.detail, status: "SUCCESS" } }));
    expect(succeeded.length).toBeGreaterThanOrEqual(2);
    expect(succeeded.filter((e) => matches(security.failedLogins(), e))).toEqual([]);
  });

  it("forOrganization matches no event of another organisation", () => {
    expect(selected(security.forOrganization("00000000-0000-4000-8000-000000000000"))).toEqual([]);
    expect(selected(accountManagement.forOrganization("00000000-0000-4000-8000-000000000000"))).toEqual([]);
  });
});

describe("events from elsewhere", () => {
  /** The same event, changed in one way that must make every selector reject it. */
  const elsewhere: [string, (event: Labelled["event"]) => object][] = [
    ["another account's Stax source", (e) => ({ ...e, source: "aws.partner/stax.io/210987654321/default" })],
    ["another partner's source", (e) => ({ ...e, source: "aws.partner/example.com/123456789012/default" })],
    ["an AWS service event", (e) => ({ ...e, source: "aws.guardduty" })],
    [
      "a GuardDuty finding",
      (e) => ({
        ...e,
        source: "aws.guardduty",
        "detail-type": "GuardDuty Finding",
        detail: { schemaVersion: "2.0", severity: 8, type: "UnauthorizedAccess:IAMUser/ConsoleLogin" },
      }),
    ],
  ];

  describe.each(elsewhere)("%s", (_label, change) => {
    it.each(SELECTORS)("is rejected by %s", (_selector, pattern) => {
      const accepted = corpus.filter(({ event }) => matches(pattern, event)).map(({ event }) => event);
      expect(accepted.length).toBeGreaterThan(0); // the unchanged events it selects...
      expect(accepted.map(change).filter((event) => matches(pattern, event))).toEqual([]); // ...are rejected once changed
    });
  });

  it("a catalogued event relabelled into the other category is rejected by the category's selectors", () => {
    const relabelled = corpus
      .filter(({ event }) => event["detail-type"].startsWith("Security: "))
      .map(({ event }) => ({
        ...event,
        "detail-type": event["detail-type"].replace("Security: ", "AccountManagement: "),
      }));
    for (const [label, pattern] of SELECTORS.filter(([l]) => l.startsWith("security."))) {
      expect([label, relabelled.filter((e) => matches(pattern, e))]).toEqual([label, []]);
    }
  });
});
