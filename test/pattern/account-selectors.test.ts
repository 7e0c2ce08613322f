import type { AccountManagementEventName } from "stax-events-cdktf/events";
import {
  AccountManagementEventPresets,
  AccountManagementEvents,
  StaxEvents,
  type AccountManagementEventFilter,
  type AccountManagementEventPresetName,
} from "../../modules/pattern/selectors";

const SOURCE = "aws.partner/stax.io/123456789012/default";
const accounts = AccountManagementEvents.from(SOURCE);

describe("AccountManagementEvents.from", () => {
  it("pins the source and the AccountManagement detail-types", () => {
    expect(accounts.ofType("AccountCreateEvent")).toEqual({
      source: [SOURCE],
      "detail-type": ["AccountManagement: AccountCreateEvent"],
    });
    expect(accounts.select()).toEqual({ source: [SOURCE], "detail-type": [{ prefix: "AccountManagement: " }] });
  });

  it("selects by status and organisation, within AccountManagement events", () => {
    expect(accounts.withStatus("FAILED", { organizationIds: ["org-1"] })).toEqual({
      source: [SOURCE],
      "detail-type": [{ prefix: "AccountManagement: " }],
      detail: { status: ["FAILED"], meta: { organization: { id: ["org-1"] } } },
    });
  });

  it("failedAccountOperations lists both types with status FAILED", () => {
    expect(accounts.failedAccountOperations()).toEqual({
      source: [SOURCE],
      "detail-type": ["AccountManagement: AccountCreateEvent", "AccountManagement: AccountUpdateEvent"],
      detail: { status: ["FAILED"] },
    });
    expect(AccountManagementEventPresets.failedAccountOperations.status).toBe("FAILED");
  });

  it("allAccountManagementEvents narrows further with extra", () => {
    expect(accounts.allAccountManagementEvents({ status: "SUCCESS" })).toEqual({
      source: [SOURCE],
      "detail-type": ["AccountManagement: AccountCreateEvent", "AccountManagement: AccountUpdateEvent"],
      detail: { status: ["SUCCESS"] },
    });
  });

  describe("rejects bad input with the AccountManagement category in the message", () => {
    it("a Security event name", () => {
      expect(() => accounts.ofType("UserCreateEvent" as AccountManagementEventName)).toThrow(
        "accountEvents.ofType: types[0] 'UserCreateEvent' is not valid. Use one of 'AccountCreateEvent', 'AccountUpdateEvent'.",
      );
    });

    it("an unknown filter key", () => {
      expect(() => accounts.select({ accountIds: ["x"] } as AccountManagementEventFilter)).toThrow(
        "accountEvents.select: filter key 'accountIds' is not valid. Valid keys: types, groups, status, organizationIds.",
      );
    });

    it("a type outside the groups given", () => {
      expect(() => accounts.ofType("AccountCreateEvent", { groups: ["stax.auth"] })).toThrow(
        "accountEvents.ofType: types AccountCreateEvent (stax.account) are outside groups stax.auth, so the pattern would never match them.",
      );
    });

    it("a Security preset", () => {
      expect(() => accounts.preset("failedLogins" as AccountManagementEventPresetName)).toThrow(
        "accountEvents.preset: preset 'failedLogins' is not valid. Valid presets: failedAccountOperations, allAccountManagementEvents.",
      );
    });

    it("a source that is not a Stax partner source", () => {
      expect(() => AccountManagementEvents.from("aws.guardduty")).toThrow(
        "AccountManagementEvents.from: Stax partner event source 'aws.guardduty' is not valid",
      );
      expect(() => StaxEvents.from("default")).toThrow(
        "StaxEvents.from: Stax partner event source 'default' is not valid",
      );
    });
  });
});

describe("StaxEvents.from", () => {
  const stax = StaxEvents.from(SOURCE);

  it("uncatalogued: anything but every catalogued detail-type, pinned to the source", () => {
    const pattern = stax.uncatalogued();
    expect(Object.keys(pattern)).toEqual(["source", "detail-type"]);
    expect(pattern.source).toEqual([SOURCE]);
    const [filter] = pattern["detail-type"] as [{ "anything-but": string[] }];
    expect(filter["anything-but"]).toHaveLength(22);
    expect(filter["anything-but"]).toEqual(
      expect.arrayContaining(["Security: UserAuthenticationEvent", "AccountManagement: AccountUpdateEvent"]),
    );
  });

  it("all: every event of the source", () => {
    expect(stax.all()).toEqual({ source: [SOURCE] });
  });

  it("gives each category's selectors for the same source", () => {
    expect(stax.security.category).toBe("Security");
    expect(stax.accountManagement.category).toBe("AccountManagement");
    expect(stax.accountManagement.source).toBe(SOURCE);
  });
});
