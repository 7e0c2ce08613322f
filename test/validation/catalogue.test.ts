/**
 * Class 1 of the validation issue, from the Stax event catalogue: rules for Stax events whose
 * detail-type, `detail` fields, values or input paths the catalogue says never occur are refused
 * at synth time (a deliberate future detail-type is a warning), with the place in the pattern, the
 * value and the fix; `allowUncatalogued` turns the errors into warnings. Valid edge cases (every
 * catalogued type, meta and optional fields, `$or`, matchers, tokens) sit next to the invalid ones.
 */
import { TerraformStack, TerraformVariable, Testing, Token } from "cdktf";
import { StaxEventBus } from "../../modules/bus";
import { STAX_DETAIL_TYPES } from "../../modules/events";
import { OrganizationForwarding, SecurityEventCollector, ServiceEventForwarder } from "../../modules/forwarding";
import { Match, type EventPattern } from "../../modules/pattern";
import { StaxEventRule, type StaxEventRuleProps } from "../../modules/rule";
import { EventField, RuleTargetInput, SecureQueue, SqsTarget } from "../../modules/targets";
import { testStack, warningsOf } from "../support/synth";

const ACCOUNT = "123456789012";
const CREATE = "Security: UserCreateEvent";
const OPT_OUT_HINT = "If Stax sends it and the catalogue does not know it yet, set allowUncatalogued: true.";
const CREATE_FIELDS =
  "meta, staxEventVersion, staxEventID, staxEventTime, staxEventSource, staxEventType, staxEventName, role, userID, email, status, errorCode, firstName, lastName, message, userStatus";

function setup(): { stack: TerraformStack; bus: StaxEventBus } {
  const { stack } = testStack();
  return { stack, bus: new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "security-events" }) };
}

/** Builds a rule on a Stax partner bus and synthesizes it; returns its warnings. */
function rule(eventPattern: EventPattern, props: Partial<StaxEventRuleProps> = {}): string[] {
  const { stack, bus } = setup();
  new StaxEventRule(stack, "R", { bus, eventPattern, ...props });
  Testing.synth(stack);
  return warningsOf(stack);
}

/** A rule for `Security: UserCreateEvent` whose one target receives `input`. */
function ruleWithInput(input: (stack: TerraformStack) => RuleTargetInput, props: Partial<StaxEventRuleProps> = {}) {
  const { stack, bus } = setup();
  const target = new SqsTarget(new SecureQueue(stack, "Q"), { input: input(stack) });
  new StaxEventRule(stack, "R", { bus, eventPattern: { "detail-type": [CREATE] }, targets: [target], ...props });
  Testing.synth(stack);
  return warningsOf(stack);
}

describe("detail-types outside the catalogue", () => {
  it("refuses an event name without its category, with the detail-type to write", () => {
    expect(() => rule({ "detail-type": ["UserCreateEvent"] })).toThrow(
      `test/R: eventPattern.detail-type[0]: 'UserCreateEvent' is not a catalogued Stax detail-type, so the rule never matches it; did you mean '${CREATE}'? Detail-types are '<category>: <event name>' and case-sensitive`,
    );
  });

  it.each([
    ["security: UserCreateEvent", CREATE],
    ["Security:UserCreateEvent", CREATE],
    ["Security: UserCreatEvent", CREATE],
    ["Securty: UserCreateEvent", CREATE],
    ["Security: ApiTokenAuthenticationEvent", "Security: APITokenAuthenticationEvent"],
    ["AccountManagement: AccountCreateEvents", "AccountManagement: AccountCreateEvent"],
    ["accountmanagement: NewAccountEvent", "AccountManagement: NewAccountEvent"],
  ])("refuses the near miss '%s' and suggests '%s'", (value, meant) => {
    expect(() => rule({ "detail-type": [CREATE, value] })).toThrow(
      `test/R: eventPattern.detail-type[1]: '${value}' is not a catalogued Stax detail-type, so the rule never matches it; did you mean '${meant}'?`,
    );
  });

  it("checks every $or alternative", () => {
    const eventPattern = { $or: [{ "detail-type": [CREATE] }, { "detail-type": ["UserDeleteEvent"] }] };
    expect(() => rule(eventPattern as EventPattern)).toThrow(
      "test/R: eventPattern.$or[1].detail-type[0]: 'UserDeleteEvent' is not a catalogued Stax detail-type, so the rule never matches it; did you mean 'Security: UserDeleteEvent'?",
    );
  });

  it("refuses a value not of the form '<category>: <event name>', naming the form and the categories", () => {
    expect(() => rule({ "detail-type": ["network update"] })).toThrow(
      `test/R: eventPattern.detail-type[0]: 'network update' is not a catalogued Stax detail-type, so the rule never matches it (Stax detail-types are '<category>: <event name>', categories Security, AccountManagement); pick a catalogued type (STAX_DETAIL_TYPES), or build the pattern with the bus's selectors (bus.staxEvents). ${OPT_OUT_HINT}`,
    );
  });

  it("warns (does not fail) for a well-formed type of a category the catalogue does not describe", () => {
    // Stax documents a Service Configuration category whose detail-types the catalogue does not list
    expect(rule({ "detail-type": ["ServiceConfiguration: NetworkUpdateEvent"] })).toEqual([
      "test/R: eventPattern.detail-type[0]: 'ServiceConfiguration: NetworkUpdateEvent' is of a category the catalogue does not describe (it knows Security, AccountManagement); the rule matches it only if Stax sends exactly this detail-type; check the name against Stax's documentation, then set allowUncatalogued: true to silence this warning.",
    ]);
    expect(rule({ "detail-type": ["ServiceConfiguration: NetworkUpdateEvent"] }, { allowUncatalogued: true })).toEqual(
      [],
    );
  });

  it.each([
    [{ prefix: "security:" }, "uncatalogued"],
    [{ wildcard: "Security:*Foo" }, "uncatalogued"],
    [{ "equals-ignore-case": "security: userlockedevent" }, "uncatalogued"],
    [{ numeric: [">", 0] }, "mistake"],
  ])("refuses the matcher %j, which admits no catalogued detail-type", (matcher, kind) => {
    const message = `test/R: eventPattern.detail-type[0]: ${JSON.stringify(matcher)} admits none of the catalogued Stax detail-types, so it never matches a catalogued event; match '<category>: <event name>' (categories: Security, AccountManagement), e.g. {"prefix": "Security: "}, or use the bus's selectors (bus.staxEvents).`;
    expect(() => rule({ "detail-type": [matcher] } as EventPattern)).toThrow(
      kind === "uncatalogued" ? `${message} ${OPT_OUT_HINT}` : message,
    );
  });

  it("warns (does not fail) for a well-formed type of a known category, taken for a deliberate future type", () => {
    expect(rule({ "detail-type": [CREATE, "Security: UserMfaResetEvent"] })).toEqual([
      "test/R: eventPattern.detail-type[1]: 'Security: UserMfaResetEvent' is not in the Stax catalogue of Security events; the rule matches it only once Stax publishes it; if you select a type Stax publishes after this catalogue, set allowUncatalogued: true to silence this warning; otherwise pick a catalogued type (STAX_DETAIL_TYPES).",
    ]);
    expect(rule({ "detail-type": ["Security: UserMfaResetEvent"] }, { allowUncatalogued: true })).toEqual([]);
  });

  it("allowUncatalogued turns the errors into warnings", () => {
    expect(rule({ "detail-type": ["UserCreateEvent", "service configuration"] }, { allowUncatalogued: true })).toEqual([
      `test/R: eventPattern.detail-type[0]: 'UserCreateEvent' is not a catalogued Stax detail-type, so the rule never matches it; did you mean '${CREATE}'? Detail-types are '<category>: <event name>' and case-sensitive. (allowUncatalogued is set, so this is a warning)`,
      "test/R: eventPattern.detail-type[1]: 'service configuration' is not a catalogued Stax detail-type, so the rule never matches it (Stax detail-types are '<category>: <event name>', categories Security, AccountManagement); pick a catalogued type (STAX_DETAIL_TYPES), or build the pattern with the bus's selectors (bus.staxEvents). (allowUncatalogued is set, so this is a warning)",
    ]);
    expect(() => rule({ "detail-type": ["x"] }, { allowUncatalogued: "true" as never })).toThrow(
      "test/R: allowUncatalogued is the string 'true'; pass true without quotes.",
    );
  });

  it("accepts every catalogued type, matchers that admit some, anything-but, $or and tokens, without a warning", () => {
    const { stack, bus } = setup();
    const token = new TerraformVariable(stack, "type", { type: "string" }).stringValue;
    const patterns: EventPattern[] = [
      ...STAX_DETAIL_TYPES.map((type) => ({ "detail-type": [type] })),
      { "detail-type": [...STAX_DETAIL_TYPES] },
      { "detail-type": [{ prefix: "Security: User" }, { suffix: "AccountUpdateEvent" }] },
      { "detail-type": [{ "equals-ignore-case": "security: usercreateevent" }, { wildcard: "AccountManagement: *" }] },
      { "detail-type": [{ prefix: { "equals-ignore-case": "SECURITY: " } }] },
      { "detail-type": [{ exists: true }] },
      bus.staxEvents.uncatalogued(),
      { "detail-type": [{ "anything-but": { prefix: "Security: " } }] },
      { $or: [{ "detail-type": [CREATE] }, { detail: { status: ["FAILED"] } }] },
      { "detail-type": [token], detail: { staus: ["x"] } },
    ];
    patterns.forEach((eventPattern, i) => new StaxEventRule(stack, `R${i}`, { bus, eventPattern }));
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });

  it("leaves patterns for other events alone (AWS service events on a collector)", () => {
    const { stack } = testStack();
    const collector = new SecurityEventCollector(stack, "C", { accountId: ACCOUNT, region: "ap-southeast-2" });
    const eventPattern = { source: ["aws.guardduty"], "detail-type": ["GuardDuty Finding"], detail: { x: [1] } };
    new StaxEventRule(stack, "R", { bus: collector, eventPattern });
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe("detail fields the selected event types do not have", () => {
  it("refuses a misspelt field, naming the detail-types, the valid keys and the one meant", () => {
    expect(() => rule({ "detail-type": [CREATE], detail: { staus: ["SUCCESS"] } })).toThrow(
      `test/R: eventPattern.detail.staus: no event of detail-type '${CREATE}' has the field 'detail.staus' (fields of detail: ${CREATE_FIELDS}), so the rule never matches; did you mean 'detail.status'? ${OPT_OUT_HINT}`,
    );
  });

  it("names the place in the pattern as written, through $or branches", () => {
    const eventPattern = { "detail-type": [CREATE], detail: { $or: [{ status: ["FAILED"] }, { errorCod: ["x"] }] } };
    expect(() => rule(eventPattern as EventPattern)).toThrow(
      `test/R: eventPattern.detail.$or[1].errorCod: no event of detail-type '${CREATE}' has the field 'detail.errorCod' (fields of detail: ${CREATE_FIELDS}), so the rule never matches; did you mean 'detail.errorCode'?`,
    );
  });

  it("refuses a misspelt meta field, listing the fields at that level", () => {
    expect(() => rule({ "detail-type": [CREATE], detail: { meta: { user: { emial: [{ exists: true }] } } } })).toThrow(
      `test/R: eventPattern.detail.meta.user.emial: no event of detail-type '${CREATE}' has the field 'detail.meta.user.emial' (fields of detail.meta.user: id, username, email), so the rule never matches; did you mean 'detail.meta.user.email'?`,
    );
  });

  it("refuses a value outside the documented values, with the case-sensitive one meant", () => {
    expect(() => rule({ "detail-type": [CREATE], detail: { status: ["SUCCESS", "success"] } })).toThrow(
      `test/R: eventPattern.detail.status[1]: 'success' admits none of the values Stax documents for detail.status in events of '${CREATE}' (SUCCESS, FAILED), so it never matches; did you mean 'SUCCESS'? Values are case-sensitive.`,
    );
    expect(() => rule({ "detail-type": [CREATE], detail: { staxEventName: ["UserDeleteEvent"] } })).toThrow(
      `test/R: eventPattern.detail.staxEventName[0]: 'UserDeleteEvent' admits none of the values Stax documents for detail.staxEventName in events of '${CREATE}' (UserCreateEvent), so it never matches; match one of those values. ${OPT_OUT_HINT}`,
    );
  });

  it.each([
    [
      { status: [5] },
      "detail.status[0]: the number 5 never matches: Stax sends detail.status in events of 'Security: UserCreateEvent' as a string; match one of its values (SUCCESS, FAILED).",
    ],
    [
      { userID: [42] },
      "detail.userID[0]: the number 42 never matches: Stax sends detail.userID in events of 'Security: UserCreateEvent' as a string; quote it: '42'.",
    ],
    [
      { userID: [{ numeric: [">", 1] }] },
      "detail.userID[0]: a numeric matcher never matches: Stax sends detail.userID in events of 'Security: UserCreateEvent' as a string; match the text (an exact value, prefix, suffix or wildcard).",
    ],
    [
      { errorCode: [null] },
      `detail.errorCode[0]: null never matches: Stax sends detail.errorCode in events of 'Security: UserCreateEvent' as a string, and leaves out a field it has no value for; match events without the field with {"exists": false}.`,
    ],
    [
      { meta: { user: [{ exists: true }] } },
      "detail.meta.user: is an object in events of 'Security: UserCreateEvent'; EventBridge matches values, never an object, so the rule never matches; match one of its fields (id, username, email), e.g. detail.meta.user.id.",
    ],
    [
      { status: { code: ["x"] } },
      "detail.status.code: detail.status is a string in events of 'Security: UserCreateEvent', with no field 'code', so the rule never matches; select detail.status itself.",
    ],
  ])("refuses a matcher of the wrong JSON type or shape: %j", (detail, message) => {
    expect(() => rule({ "detail-type": [CREATE], detail } as EventPattern)).toThrow(`test/R: eventPattern.${message}`);
  });

  it("checks only whether some admitted type has the field when the detail-types are not all literals", () => {
    const { stack, bus } = setup();
    expect(
      () =>
        new StaxEventRule(stack, "R", {
          bus,
          eventPattern: { "detail-type": [{ prefix: "Security: ApiToken" }], detail: { apiTokenNam: ["x"] } },
        }),
    ).toThrow(
      "test/R: eventPattern.detail.apiTokenNam: no event of detail-type 'Security: ApiTokenCreateEvent', 'Security: ApiTokenUpdateEvent', 'Security: ApiTokenDeleteEvent' has the field 'detail.apiTokenNam'",
    );
    expect(
      () =>
        new StaxEventRule(stack, "S", {
          bus,
          eventPattern: { source: [bus.partnerEventSourceName], detail: { staus: ["FAILED"] } },
        }),
    ).toThrow(
      /^test\/S: eventPattern\.detail\.staus: no event of detail-type 'Security: UserAuthenticationEvent', 'Security: APITokenAuthenticationEvent', 'Security: UserCreateEvent' and 19 more has the field 'detail\.staus' \(fields of detail: .*\), so the rule never matches; did you mean 'detail\.status'\? If Stax sends it/,
    );
  });

  it("allowUncatalogued turns them into warnings", () => {
    expect(rule({ "detail-type": [CREATE], detail: { staus: ["SUCCESS"] } }, { allowUncatalogued: true })).toEqual([
      `test/R: eventPattern.detail.staus: no event of detail-type '${CREATE}' has the field 'detail.staus' (fields of detail: ${CREATE_FIELDS}), so the rule never matches; did you mean 'detail.status'? (allowUncatalogued is set, so this is a warning)`,
    ]);
  });

  it("accepts meta, optional and common fields, fields of any selected type, absence tests and tokens", () => {
    const { stack, bus } = setup();
    const token = new TerraformVariable(stack, "status", { type: "string" }).stringValue;
    const numberToken = Token.asNumber(new TerraformVariable(stack, "threshold", { type: "number" }).value);
    const both = ["Security: UserAuthenticationEvent", "AccountManagement: AccountUpdateEvent"];
    const patterns: EventPattern[] = [
      {
        "detail-type": [CREATE],
        detail: {
          meta: {
            customer: { id: ["c"], name: [{ prefix: "A" }] },
            organization: { alias: [{ exists: true }] },
            user: { username: [{ exists: false }], email: [{ suffix: "@example.com" }] },
            aws: { accountId: [ACCOUNT], region: ["ap-southeast-2"] },
          },
          staxEventTime: [{ prefix: "2026-" }],
          staxEventName: ["UserCreateEvent"],
          errorCode: [{ exists: false }],
          firstName: [{ "equals-ignore-case": "ada" }],
        },
      },
      { "detail-type": both, detail: { loginType: ["Federated"], accountName: [{ exists: true }] } },
      { "detail-type": both, detail: { status: [{ "anything-but": "SUCCESS" }, { "equals-ignore-case": "failed" }] } },
      { "detail-type": [CREATE], detail: { nosuch: [{ exists: false }], status: [token] } },
      { "detail-type": [CREATE], detail: { status: [numberToken] } },
      { "detail-type": [CREATE], detail: { status: [Match.numeric(">", numberToken)] } },
      { "detail-type": [CREATE], detail: { $or: [{ status: ["FAILED"] }, { errorCode: [{ exists: true }] }] } },
      { "detail-type": [{ prefix: "Security: Api" }], detail: { apiTokenName: ["x"], status: ["future value"] } },
      { "detail-type": [{ "anything-but": [CREATE] }], detail: { fieldStaxMayAdd: ["x"] } },
    ];
    patterns.forEach((eventPattern, i) => new StaxEventRule(stack, `R${i}`, { bus, eventPattern }));
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe("input paths to fields the rule's events do not have", () => {
  it("refuses an input transformer path, with the valid keys and the one meant", () => {
    expect(() =>
      ruleWithInput(() => RuleTargetInput.fromObject({ s: EventField.fromPath("$.detail.stauts") })),
    ).toThrow(
      `test/R: Target0 input path '$.detail.stauts': no event of detail-type '${CREATE}' has the field 'detail.stauts' (fields of detail: ${CREATE_FIELDS}), so the input path renders empty; did you mean 'detail.status'? ${OPT_OUT_HINT}`,
    );
  });

  it("refuses an input path, and an envelope field EventBridge events do not have", () => {
    expect(() => ruleWithInput(() => RuleTargetInput.fromEventPath("$.detail.meta.usr"))).toThrow(
      /^test\/R: Target0 input path '\$\.detail\.meta\.usr': .*\(fields of detail\.meta: customer, organization, user, aws\), so the input path renders empty; did you mean 'detail\.meta\.user'\?/,
    );
    expect(() => ruleWithInput(() => RuleTargetInput.fromText(`${EventField.fromPath("$.detailType")}`))).toThrow(
      "test/R: Target0 input path '$.detailType': 'detailType' is not a field of EventBridge events (version, id, detail-type, source, account, time, region, resources, detail, replay-name), so it renders empty; did you mean '$.detail-type'?",
    );
    expect(() => ruleWithInput(() => RuleTargetInput.fromEventPath("$.detail.status[0]"))).toThrow(
      "test/R: Target0 input path '$.detail.status[0]': detail.status is a string in events of 'Security: UserCreateEvent', with no element [0], so the input path renders empty; select detail.status itself.",
    );
  });

  it("accepts the envelope, $.detail, meta and optional fields, tokens; warns with allowUncatalogued", () => {
    const all = (stack: TerraformStack) =>
      RuleTargetInput.fromObject({
        detail: EventField.fromPath("$.detail"),
        who: `${EventField.fromPath("$.detail.meta.user.email")}`,
        first: `${EventField.fromPath("$.detail.firstName")}`,
        resource: EventField.fromPath("$.resources[0]"),
        type: EventField.detailType,
        rule: EventField.ruleName,
        stack: stack.node.id,
      });
    expect(ruleWithInput(all)).toEqual([]);
    const token = (stack: TerraformStack) =>
      RuleTargetInput.fromTemplate("<t>", { t: new TerraformVariable(stack, "path", { type: "string" }).stringValue });
    expect(ruleWithInput(token)).toEqual([]);
    expect(
      ruleWithInput(() => RuleTargetInput.fromEventPath("$.detail.newField"), { allowUncatalogued: true }),
    ).toEqual([
      `test/R: Target0 input path '$.detail.newField': no event of detail-type '${CREATE}' has the field 'detail.newField' (fields of detail: ${CREATE_FIELDS}), so the input path renders empty; use one of the fields of detail. (allowUncatalogued is set, so this is a warning)`,
    ]);
  });

  it("does not check the paths of a rule whose detail-types are not all catalogued literals", () => {
    const { stack, bus } = setup();
    const target = new SqsTarget(new SecureQueue(stack, "Q"), {
      input: RuleTargetInput.fromTemplate("<t>", {
        t: "$.detail.anything",
        u: new TerraformVariable(stack, "p", { type: "string" }).stringValue,
      }),
    });
    new StaxEventRule(stack, "R", {
      bus,
      eventPattern: { "detail-type": [{ prefix: "Security: " }] },
      targets: [target],
    });
    Testing.synth(stack);
    expect(warningsOf(stack)).toEqual([]);
  });
});

describe("Stax patterns on default buses (forwarding)", () => {
  const message =
    "eventPattern selects Stax events (detail-type 'Security: UserCreateEvent'), but the rule is on the default bus, where Stax partner events never arrive (EventBridge delivers them only to the partner event bus). Put the rule on the partner bus (StaxEventBus), and build the pattern with its selectors (bus.staxEvents).";
  const destination = { accountId: "111122223333", region: "ap-southeast-2", eventBusName: "central" };

  const forwarder = (stack: TerraformStack, eventPattern: EventPattern) =>
    new ServiceEventForwarder(stack, "F", { accountId: ACCOUNT, regions: ["us-east-1"], destination, eventPattern });

  it("refuses a detail-type-only Stax pattern in OrganizationForwarding and ServiceEventForwarder", () => {
    const { stack } = testStack();
    const eventPattern = { "detail-type": [CREATE] };
    expect(
      () =>
        new OrganizationForwarding(stack, "Org", {
          destination,
          organizationalUnitIds: ["ou-ab12-cd34ef56"],
          regions: ["us-east-1"],
          eventPattern,
        }),
    ).toThrow(`test/Org: ${message}`);
    expect(() => forwarder(stack, eventPattern)).toThrow(`test/F/us-east-1: ${message}`);
  });

  it("accepts AWS service patterns that share no Stax category", () => {
    const { stack } = testStack();
    expect(() => forwarder(stack, { "detail-type": ["AWS API Call via CloudTrail"] })).not.toThrow();
  });
});
