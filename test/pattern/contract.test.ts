/**
 * Contract: the Security selectors select exactly the sample events of the schema seed they name,
 * checked with the library's offline matcher (which agrees with EventBridge's own engine), and
 * reject the same events arriving from anywhere else.
 */
import { SECURITY_EVENT_NAMES, STAX_EVENT_SOURCE_GROUPS, securityEventNamesInGroup } from "stax-events-cdktf/events";
import { matches } from "../../modules/pattern/matcher";
import { SecurityEventPresets, type SecurityEventPresetName } from "../../modules/pattern/presets";
import { SecurityEvents } from "../../modules/pattern/selectors";
import type { EventPattern } from "../../modules/pattern/types";
import { patternSize, validatePattern } from "../../modules/pattern/validate";
import { SAMPLE_ORGANIZATION_ID, SAMPLE_SOURCE, allSampleEvents } from "../support/fixtures";

const selectors = SecurityEvents.from(SAMPLE_SOURCE);
const samples = allSampleEvents();

/** The names of the sample events a pattern matches, in catalogue order. */
function matchedNames(pattern: EventPattern): string[] {
  return samples.filter((event) => matches(pattern, event)).map((event) => event.detail.staxEventName);
}

const PRESETS = Object.keys(SecurityEventPresets) as SecurityEventPresetName[];

/** Every selector, by label: the 20 per-type ones, the presets and the filters by other keys. */
const ALL_SELECTORS: [string, EventPattern][] = [
  ...SECURITY_EVENT_NAMES.map((name): [string, EventPattern] => [`ofType(${name})`, selectors.ofType(name)]),
  ...PRESETS.map((name): [string, EventPattern] => [`${name}()`, selectors.preset(name)]),
  ...STAX_EVENT_SOURCE_GROUPS.map((group): [string, EventPattern] => [`inGroup(${group})`, selectors.inGroup(group)]),
  ["withStatus(SUCCESS)", selectors.withStatus("SUCCESS")],
  ["withStatus(FAILED)", selectors.withStatus("FAILED")],
  ["forOrganization(sample org)", selectors.forOrganization(SAMPLE_ORGANIZATION_ID)],
  ["select()", selectors.select()],
];

describe("every selector", () => {
  it.each(ALL_SELECTORS)("%s builds a pattern EventBridge accepts", (_selector, pattern) => {
    expect(() => validatePattern(pattern)).not.toThrow();
  });

  it("stays well inside the 2048-character limit, even all 20 types for a few organisations", () => {
    const orgs = ["e87cb45c-05ad-489d-a890-4ea398345c24", "6c1e2f4a-8b3d-4e5f-a7c9-0d1b2e3f4a5b"];
    const largest = selectors.allSecurityEvents({ status: "FAILED", organizationIds: orgs });
    expect(() => validatePattern(largest)).not.toThrow();
    expect(patternSize(largest)).toBeLessThan(1500);
  });
});

describe("per-type selectors", () => {
  it.each(SECURITY_EVENT_NAMES.map((name) => [name]))("ofType(%s) matches its own sample and no other", (name) => {
    expect(matchedNames(selectors.ofType(name))).toEqual([name]);
  });
});

describe("presets", () => {
  it.each(PRESETS.map((name) => [name]))("%s matches exactly the samples of the types it names", (name) => {
    expect(matchedNames(selectors.preset(name))).toEqual(SecurityEventPresets[name].types);
  });

  it("failedLogins no longer matches the authentication samples once they succeed", () => {
    const succeeded = samples
      .filter((e) => e.detail.staxEventSource === "stax.auth")
      .map((e) => ({ ...e, detail: { ...e.detail, status: "SUCCESS" } }));
    expect(succeeded).toHaveLength(2);
    expect(succeeded.filter((e) => matches(selectors.failedLogins(), e))).toEqual([]);
  });
});

describe("filters by group, status and organisation", () => {
  it.each(STAX_EVENT_SOURCE_GROUPS.map((group) => [group]))("inGroup(%s) matches the group's samples", (group) => {
    expect(matchedNames(selectors.inGroup(group))).toEqual(securityEventNamesInGroup(group));
  });

  it("withStatus splits the samples into the two failed logins and the rest", () => {
    expect(matchedNames(selectors.withStatus("FAILED"))).toEqual([
      "UserAuthenticationEvent",
      "APITokenAuthenticationEvent",
    ]);
    expect(matchedNames(selectors.withStatus("SUCCESS"))).toEqual(SECURITY_EVENT_NAMES.slice(2));
  });

  it("forOrganization matches the samples of that organisation only", () => {
    expect(matchedNames(selectors.forOrganization(SAMPLE_ORGANIZATION_ID))).toEqual(SECURITY_EVENT_NAMES);
    expect(matchedNames(selectors.forOrganization("00000000-0000-4000-8000-000000000000"))).toEqual([]);
  });

  it("select() with no filter matches every sample", () => {
    expect(matchedNames(selectors.select())).toEqual(SECURITY_EVENT_NAMES);
  });
});

describe("events from elsewhere", () => {
  /** The same sample, changed in one way that must make every selector reject it. */
  const elsewhere: [string, (event: (typeof samples)[number]) => object][] = [
    ["another account's Stax source", (e) => ({ ...e, source: "aws.partner/stax.io/210987654321/default" })],
    ["another partner's source", (e) => ({ ...e, source: "aws.partner/example.com/123456789012/default" })],
    [
      "a non-Security Stax event",
      (e) => ({
        ...e,
        "detail-type": "Accounts: AccountCreateEvent",
        detail: { ...e.detail, staxEventType: "Accounts", staxEventName: "AccountCreateEvent" },
      }),
    ],
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
    it.each(ALL_SELECTORS)("is rejected by %s", (_selector, pattern) => {
      const accepted = samples.filter((event) => matches(pattern, event));
      expect(accepted.length).toBeGreaterThan(0); // the unchanged samples it selects...
      expect(accepted.map(change).filter((event) => matches(pattern, event))).toEqual([]); // ...are rejected once changed
    });
  });
});
