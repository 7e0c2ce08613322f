import {
  SECURITY_EVENT_NAMES,
  securityEventSchema,
  securityEventSchemas,
  securityEventType,
  type JsonSchema,
  type SecurityEventName,
} from "stax-events-cdktf/events";
import { allSampleEvents, sampleEvent } from "../support/fixtures";
import { validateJsonSchema } from "../support/json-schema";

/** A deep, mutable copy of a sample event, for tests that break it on purpose. */
function mutableSample(name: SecurityEventName): { [key: string]: any } {
  return JSON.parse(JSON.stringify(sampleEvent(name)));
}

function detailSchema(schema: JsonSchema): JsonSchema {
  return schema.properties?.detail as JsonSchema;
}

describe("securityEventSchema", () => {
  it.each(SECURITY_EVENT_NAMES.map((n) => [n]))("accepts the %s sample event", (name) => {
    expect(validateJsonSchema(securityEventSchema(name), sampleEvent(name))).toEqual([]);
    expect(validateJsonSchema(securityEventSchema(name, { dialect: "draft-04" }), sampleEvent(name))).toEqual([]);
  });

  it("accepts no sample event of another type", () => {
    for (const name of SECURITY_EVENT_NAMES) {
      const accepted = allSampleEvents()
        .filter((event) => validateJsonSchema(securityEventSchema(name), event).length === 0)
        .map((event) => event.detail.staxEventName);
      expect(accepted).toEqual([name]);
    }
  });

  it("pins detail-type, staxEventName, staxEventSource and staxEventType (draft-07 const)", () => {
    const schema = securityEventSchema("ApiTokenCreateEvent");
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.properties?.["detail-type"]).toEqual({ type: "string", const: "Security: ApiTokenCreateEvent" });
    expect(detailSchema(schema).properties).toMatchObject({
      staxEventName: { const: "ApiTokenCreateEvent" },
      staxEventSource: { const: "stax.api" },
      staxEventType: { const: "Security" },
      status: { type: "string", enum: ["SUCCESS", "FAILED"] },
    });
  });

  it("lists the common fields and the type's required properties as required", () => {
    expect(detailSchema(securityEventSchema("UserCreateEvent")).required).toEqual([
      "meta",
      "staxEventVersion",
      "staxEventID",
      "staxEventTime",
      "staxEventSource",
      "staxEventType",
      "staxEventName",
      "email",
      "status",
      "firstName",
      "lastName",
      "message",
      "userStatus",
    ]);
  });

  it("writes constants as one-value enums for draft-04 (the schema registry's JSONSchemaDraft4)", () => {
    const schema = securityEventSchema("UserUpdateEvent", { dialect: "draft-04" });
    expect(schema.$schema).toBe("http://json-schema.org/draft-04/schema#");
    expect(schema.properties?.["detail-type"]).toEqual({ type: "string", enum: ["Security: UserUpdateEvent"] });
    expect(JSON.stringify(schema)).not.toContain('"const"');
  });

  it("generates one schema per type", () => {
    const schemas = securityEventSchemas();
    expect(Object.keys(schemas)).toEqual(SECURITY_EVENT_NAMES);
    expect(schemas.GroupDeleteEvent).toEqual(securityEventSchema("GroupDeleteEvent"));
  });

  it("rejects an unknown name with the catalogue's message", () => {
    expect(() => securityEventSchema("UserLoginEvent" as SecurityEventName)).toThrow(
      "unknown Stax Security event type 'UserLoginEvent'. Valid types:",
    );
  });
});

describe("schema violations the checker reports", () => {
  const schema = securityEventSchema("UserUpdateEvent");

  it("a missing required detail property", () => {
    const event = mutableSample("UserUpdateEvent");
    delete event.detail.userStatus;
    expect(validateJsonSchema(schema, event)).toEqual(["$.detail.userStatus: required property is missing"]);
  });

  it("the seed's placeholder 'string' where an enum applies", () => {
    const event = mutableSample("UserUpdateEvent");
    event.detail.status = "string";
    expect(validateJsonSchema(schema, event)).toEqual(['$.detail.status: "string" is not one of SUCCESS, FAILED']);
  });

  it("a source that is not a Stax partner event source", () => {
    const event = mutableSample("UserUpdateEvent");
    event.source = "aws.partner/example.com/123456789012/default";
    expect(validateJsonSchema(schema, event)).toEqual([
      "$.source: 'aws.partner/example.com/123456789012/default' does not match ^aws\\.partner/stax\\.io/[0-9]{12}/[.\\-_A-Za-z0-9]+$",
    ]);
  });

  it("a missing meta block member", () => {
    const event = mutableSample("PolicyDeleteEvent");
    delete event.detail.meta.organization;
    expect(validateJsonSchema(securityEventSchema("PolicyDeleteEvent"), event)).toEqual([
      "$.detail.meta.organization: required property is missing",
    ]);
  });

  it("a bad email and date-time", () => {
    const event = mutableSample("UserCreateEvent");
    event.detail.email = "not-an-email";
    event.detail.staxEventTime = "yesterday";
    expect(validateJsonSchema(securityEventSchema("UserCreateEvent"), event)).toEqual([
      "$.detail.staxEventTime: 'yesterday' is not a date-time",
      "$.detail.email: 'not-an-email' is not an email address",
    ]);
  });
});

describe("sample fixtures", () => {
  it("come from the default Stax source and carry their own type", () => {
    for (const event of allSampleEvents()) {
      expect(event.source).toBe("aws.partner/stax.io/123456789012/default");
      expect(event["detail-type"]).toBe(securityEventType(event.detail.staxEventName).detailType);
    }
  });

  it("make both authentication samples failures, and the rest successes", () => {
    const statuses = Object.fromEntries(allSampleEvents().map((e) => [e.detail.staxEventName, e.detail.status]));
    expect(statuses.UserAuthenticationEvent).toBe("FAILED");
    expect(statuses.APITokenAuthenticationEvent).toBe("FAILED");
    const others = SECURITY_EVENT_NAMES.filter((n) => !n.endsWith("AuthenticationEvent")).map((n) => statuses[n]);
    expect(new Set(others)).toEqual(new Set(["SUCCESS"]));
  });

  it("keep no placeholder value of the seed", () => {
    for (const event of allSampleEvents()) {
      expect(JSON.stringify(event)).not.toContain('"string"');
    }
  });
});
