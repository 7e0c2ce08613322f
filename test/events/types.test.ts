/**
 * Type-level tests: this file's assertions are checked by `tsc --noEmit` (jest only transpiles),
 * and the few runtime checks make sure the narrowing shown here also works on real samples.
 */
import type { EventBridgeEvent, EventBridgeHandler } from "aws-lambda";
import type {
  DetailPropertySpec,
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
import { allSampleEvents, sampleEvent } from "../support/fixtures";

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
    expect([interfacesMatchCatalogue, discriminantsMatchCatalogue, mapKeysAreNames]).toBeDefined();
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
});
