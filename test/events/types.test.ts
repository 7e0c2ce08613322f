/**
 * Type-level tests: this file's assertions are checked by `tsc --noEmit` (jest only transpiles),
 * and the few runtime checks make sure the narrowing shown here also works on real samples.
 */
import type { EventBridgeEvent, EventBridgeHandler } from "aws-lambda";
import { isCataloguedStaxEvent } from "stax-events-cdktf/events";
import type {
  AccountManagementEventDetailMap,
  AccountManagementEventName,
  AnyStaxEvent,
  DetailPropertySpec,
  StaxDetailType,
  StaxEvent,
  StaxEventDetail,
  StaxEventDetailBase,
  StaxEventMeta,
  StaxEventTypeOf,
  STAX_EVENT_META,
  UnknownStaxEvent,
  SecurityDetailType,
  SecurityEventDetail,
  SecurityEventDetailBase,
  SecurityEventDetailMap,
  SecurityEventName,
  SecurityEventTypeOf,
  StaxEventSourceGroup,
  StaxSecurityEvent,
  UserAuthenticationEventDetail,
} from "stax-events-cdktf/events";
import {
  allSampleEvents,
  allStaxSampleEvents,
  sampleEvent,
  uncataloguedEvent,
  variantEvents,
} from "../support/fixtures";

/** True when A and B are the same type (not merely mutually assignable). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The detail fields a catalogue entry describes, as a type: enums become literal unions. */
type ValueOf<P> = P extends { readonly enum: readonly (infer E)[] } ? E : string;
type SpecFields<S extends { readonly properties: readonly DetailPropertySpec[] }> = Simplify<
  { readonly [P in S["properties"][number] as P extends { required: true } ? P["name"] : never]: ValueOf<P> } & {
    readonly [P in S["properties"][number] as P extends { required: false } ? P["name"] : never]?: ValueOf<P>;
  }
>;
/** The fields of a detail interface beyond the common ones. */
type OwnFields<D> = Simplify<Omit<D, keyof SecurityEventDetailBase<string, StaxEventSourceGroup>>>;

// Every hand-written detail interface says exactly what the catalogue data says.
const interfacesMatchCatalogue: { [N in SecurityEventName]: true } = {} as {
  [N in SecurityEventName]: Equals<SpecFields<SecurityEventTypeOf<N>>, OwnFields<SecurityEventDetailMap[N]>>;
};
// ... and carries its own name and source in the common fields.
const discriminantsMatchCatalogue: { [N in SecurityEventName]: true } = {} as {
  [N in SecurityEventName]: Equals<SecurityEventDetailMap[N]["staxEventName"], N> extends true
    ? Equals<SecurityEventDetailMap[N]["staxEventSource"], SecurityEventTypeOf<N>["staxEventSource"]>
    : false;
};
// The detail map has one entry per catalogue name, no more.
const mapKeysAreNames: Equals<keyof SecurityEventDetailMap, SecurityEventName> = true;

// The same for AccountManagement: its interfaces say what its catalogue data says.
type AccountFields<N extends AccountManagementEventName> = Simplify<
  Omit<AccountManagementEventDetailMap[N], keyof StaxEventDetailBase<string, string>>
>;
const accountInterfacesMatchCatalogue: { [N in AccountManagementEventName]: true } = {} as {
  [N in AccountManagementEventName]: Equals<
    SpecFields<StaxEventTypeOf<`AccountManagement: ${N}`>>,
    AccountFields<N>
  > extends true
    ? Equals<AccountManagementEventDetailMap[N]["staxEventType"], "AccountManagement">
    : false;
};
// Every catalogued detail-type has a detail type in the union, discriminated by detail-type.
const everyTypeInUnion: Equals<StaxEvent["detail-type"], StaxDetailType> = true;

// The meta interfaces say what the common-properties table says: required and optional members.
type MetaTable = (typeof STAX_EVENT_META)[number];
type MetaObjectFields<O extends MetaTable> = Simplify<
  { readonly [M in O["members"][number] as M extends { required: true } ? M["name"] : never]: string } & {
    readonly [M in O["members"][number] as M extends { required: false } ? M["name"] : never]?: string;
  }
>;
type MetaFromTable = Simplify<
  { readonly [O in MetaTable as O extends { required: true } ? O["name"] : never]: MetaObjectFields<O> } & {
    readonly [O in MetaTable as O extends { required: false } ? O["name"] : never]?: MetaObjectFields<O>;
  }
>;
type Deep<T> = { [K in keyof T]: T[K] extends object | undefined ? Simplify<NonNullable<T[K]>> : T[K] };
const metaMatchesTable: Equals<Deep<MetaFromTable>, Deep<StaxEventMeta>> = true;

/** A consumer of any Stax event: catalogued ones narrow, unknown ones are handled without a cast. */
function describeAny(event: AnyStaxEvent): string {
  if (isCataloguedStaxEvent(event)) {
    const detail: StaxEventDetail = event.detail;
    if (detail.staxEventName === "AccountUpdateEvent") return `account ${detail.accountId} ${detail.status}`;
    return detail.staxEventName;
  }
  const unknown: UnknownStaxEvent = event;
  return `new type ${unknown["detail-type"]} in organisation ${unknown.detail.meta.organization.id}`;
}

/** A handler typed as loosely as EventBridge allows narrows to the catalogue with the same guard. */
const statusOf: EventBridgeHandler<string, unknown, string> = async (event) =>
  isCataloguedStaxEvent(event) ? (event.detail.status ?? "none") : "not catalogued";

/** Who acted, coping with the optional user and the deprecated username. */
function actorOf(event: StaxEvent): string {
  const user = event.detail.meta.user;
  return user?.email ?? user?.id ?? "no Stax user";
}

// One event type, both ways round with @types/aws-lambda.
type AwsUserAuth = EventBridgeEvent<"Security: UserAuthenticationEvent", UserAuthenticationEventDetail>;
const toAws: AwsUserAuth = sampleEvent("UserAuthenticationEvent");
const fromAws: StaxSecurityEvent<"UserAuthenticationEvent"> = toAws;
// The union, into the type a generic Lambda handler receives.
const anyToAws: EventBridgeEvent<SecurityDetailType, SecurityEventDetail> = {} as StaxSecurityEvent;

/** A handler written the way a user would: narrow on the detail's discriminant. */
const authMethodOf: EventBridgeHandler<SecurityDetailType, SecurityEventDetail, string | undefined> = async (event) => {
  const detail = event.detail;
  if (detail.staxEventName === "UserAuthenticationEvent") {
    const method: "Login" | "RefreshToken" = detail.authMethod;
    return method;
  }
  return undefined;
};

/** Narrowing the envelope union on detail-type. */
function policyIdOf(event: StaxSecurityEvent): string | undefined {
  return event["detail-type"] === "Security: PolicyDeleteEvent" ? event.detail.policyId : undefined;
}

describe("Security event types", () => {
  it("compile against the catalogue and @types/aws-lambda (checked by tsc)", () => {
    expect([
      interfacesMatchCatalogue,
      discriminantsMatchCatalogue,
      mapKeysAreNames,
      accountInterfacesMatchCatalogue,
      everyTypeInUnion,
      metaMatchesTable,
    ]).toBeDefined();
    expect(fromAws.detail.staxEventName).toBe("UserAuthenticationEvent");
    expect(anyToAws).toBeDefined();
  });

  it("narrow on the discriminants at run time too", async () => {
    const event = sampleEvent("UserAuthenticationEvent");
    const result = await authMethodOf(event, {} as never, () => undefined);
    expect(result).toBe("Login");
    expect(
      allSampleEvents()
        .map(policyIdOf)
        .filter((id) => id !== undefined),
    ).toHaveLength(1);
  });

  it("handle unknown event types and optional users at run time", async () => {
    expect(describeAny(allStaxSampleEvents()[21])).toBe("account 0f7c1e9a-2b4d-4e6f-8a1c-3d5e7f9a1b2c FAILED");
    expect(describeAny(uncataloguedEvent("Security", "UserMfaResetEvent"))).toBe(
      "new type Security: UserMfaResetEvent in organisation e87cb45c-05ad-489d-a890-4ea398345c24",
    );
    const noContext = {} as never;
    const noCallback = () => undefined;
    expect(await statusOf(sampleEvent("UserUpdateEvent"), noContext, noCallback)).toBe("SUCCESS");
    expect(await statusOf(uncataloguedEvent("Billing", "InvoiceEvent"), noContext, noCallback)).toBe("not catalogued");
    const actors = Object.fromEntries(variantEvents().map(([label, event]) => [label, actorOf(event)]));
    expect(actors).toEqual({
      "no-aws": "jane.citizen@example.com",
      "no-user": "no Stax user",
      "required-names-only": "04f8996d-a763-47a9-a9b1-028ee3007569",
      "user-email-only": "jane.citizen@example.com",
    });
  });
});
