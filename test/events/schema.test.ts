import {
  SECURITY_EVENT_NAMES,
  STAX_DETAIL_TYPES,
  securityEventSchema,
  securityEventSchemas,
  staxEventSchema,
  staxEventSchemas,
  staxEventType,
  type JsonSchema,
  type JsonSchemaDialect,
  type SecurityEventName,
  type StaxDetailType,
} from "stax-events-cdktf/events";
import { schemaErrors } from "../support/ajv";
import { allSampleEvents, allStaxSampleEvents, sampleStaxEvent, variantEvents } from "../support/fixtures";

const DIALECTS: JsonSchemaDialect[] = ["draft-07", "draft-04"];

/** A deep, mutable copy of a sample event, for tests that change it on purpose. */
function mutableSample(detailType: StaxDetailType): { [key: string]: any } {
  return JSON.parse(JSON.stringify(sampleStaxEvent(detailType)));
}

function detailSchema(schema: JsonSchema): JsonSchema {
  return schema.properties?.detail as JsonSchema;
}

describe("staxEventSchema", () => {
  describe.each(DIALECTS)("%s", (dialect) => {
    it.each(STAX_DETAIL_TYPES.map((t) => [t]))("accepts the %s sample event", (type) => {
      expect(schemaErrors(staxEventSchema(type, { dialect }), sampleStaxEvent(type))).toEqual([]);
    });

    it.each(variantEvents())("accepts the variant '%s' (its own type's schema)", (_label, event) => {
      expect(schemaErrors(staxEventSchema(event["detail-type"], { dialect }), event)).toEqual([]);
    });

    it("accepts no sample event of another type, in either category", () => {
      const samples = allStaxSampleEvents();
      for (const type of STAX_DETAIL_TYPES) {
        const schema = staxEventSchema(type, { dialect });
        const accepted = samples.filter((e) => schemaErrors(schema, e).length === 0).map((e) => e["detail-type"]);
        expect(accepted).toEqual([type]);
      }
    });
  });

  it("covers every catalogued detail-type of both categories", () => {
    const schemas = staxEventSchemas();
    expect(Object.keys(schemas)).toEqual(STAX_DETAIL_TYPES);
    expect(Object.keys(schemas).filter((t) => t.startsWith("AccountManagement: "))).toEqual([
      "AccountManagement: AccountCreateEvent",
      "AccountManagement: AccountUpdateEvent",
    ]);
    expect(schemas["AccountManagement: AccountUpdateEvent"]).toEqual(
      staxEventSchema("AccountManagement: AccountUpdateEvent"),
    );
  });

  it("pins the AccountManagement discriminants and lists its required fields", () => {
    const schema = staxEventSchema("AccountManagement: AccountCreateEvent");
    expect(schema.properties?.["detail-type"]).toEqual({
      type: "string",
      const: "AccountManagement: AccountCreateEvent",
    });
    expect(detailSchema(schema).properties).toMatchObject({
      staxEventName: { const: "AccountCreateEvent" },
      staxEventSource: { const: "stax.account" },
      staxEventType: { const: "AccountManagement" },
      status: { type: "string", enum: ["SUCCESS", "FAILED"] },
      awsAccountId: { type: "string" },
    });
    expect(detailSchema(schema).required).toEqual([
      "meta",
      "staxEventVersion",
      "staxEventID",
      "staxEventTime",
      "staxEventSource",
      "staxEventType",
      "staxEventName",
      "accountId",
      "status",
    ]);
  });

  it("describes meta as Stax's common schema does: user and aws optional, only ids required", () => {
    const meta = detailSchema(staxEventSchema("Security: UserCreateEvent")).properties?.meta as JsonSchema;
    expect(meta.required).toEqual(["customer", "organization"]);
    const required = Object.fromEntries(Object.entries(meta.properties ?? {}).map(([name, s]) => [name, s.required]));
    expect(required).toEqual({ customer: ["id"], organization: ["id"], user: ["id"], aws: ["accountId"] });
    expect(Object.keys(meta.properties?.user.properties ?? {})).toEqual(["id", "username", "email"]);
    expect(meta.properties?.user.properties?.username.description).toBe(
      "Deprecated: Stax marks username deprecated and will remove it; use email.",
    );
  });

  it("rejects an unknown detail-type, listing the catalogued ones", () => {
    expect(() => staxEventSchema("Networking: VpcCreateEvent" as StaxDetailType)).toThrow(
      `staxEventSchema: unknown Stax detail-type 'Networking: VpcCreateEvent'. Catalogued detail-types: ${STAX_DETAIL_TYPES.join(", ")}.`,
    );
  });

  it("tells a caller who passes an event name to pass the detail-type", () => {
    expect(() => staxEventSchema("AccountUpdateEvent" as StaxDetailType)).toThrow(
      "staxEventSchema: unknown Stax detail-type 'AccountUpdateEvent'. Pass the detail-type 'AccountManagement: AccountUpdateEvent', not the event name. Catalogued detail-types: Security: UserAuthenticationEvent,",
    );
  });
});

describe("securityEventSchema (by event name) keeps working", () => {
  it("is staxEventSchema of 'Security: <name>', in both dialects", () => {
    for (const dialect of DIALECTS) {
      expect(securityEventSchema("GroupDeleteEvent", { dialect })).toEqual(
        staxEventSchema("Security: GroupDeleteEvent", { dialect }),
      );
    }
    expect(Object.keys(securityEventSchemas())).toEqual(SECURITY_EVENT_NAMES);
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
    expect(JSON.stringify(staxEventSchemas({ dialect: "draft-04" }))).not.toContain('"const"');
  });

  it("rejects an unknown name with the catalogue's message", () => {
    expect(() => securityEventSchema("UserLoginEvent" as SecurityEventName)).toThrow(
      "unknown Stax Security event type 'UserLoginEvent'. Valid types:",
    );
  });
});

describe("forward compatibility: schemas accept what Stax may add", () => {
  it.each(DIALECTS)("%s: new fields in the envelope, detail, meta and meta.user are accepted", (dialect) => {
    const event = mutableSample("Security: UserUpdateEvent");
    event["new-envelope-field"] = 1;
    event.detail.mfaEnabled = true;
    event.detail.meta.workload = { id: "w-1" };
    event.detail.meta.user.displayName = "Jane";
    expect(schemaErrors(staxEventSchema("Security: UserUpdateEvent", { dialect }), event)).toEqual([]);
  });

  it("no generated schema closes an object", () => {
    expect(JSON.stringify(staxEventSchemas())).not.toContain("additionalProperties");
  });
});

describe("schema violations ajv reports", () => {
  const schema = staxEventSchema("Security: UserUpdateEvent");

  it("a missing required detail property", () => {
    const event = mutableSample("Security: UserUpdateEvent");
    delete event.detail.userStatus;
    expect(schemaErrors(schema, event)).toEqual(["/detail must have required property 'userStatus'"]);
  });

  it("the seed's placeholder 'string' where an enum applies", () => {
    const event = mutableSample("AccountManagement: AccountUpdateEvent");
    event.detail.status = "string";
    expect(schemaErrors(staxEventSchema("AccountManagement: AccountUpdateEvent"), event)).toEqual([
      "/detail/status must be equal to one of the allowed values (SUCCESS, FAILED)",
    ]);
  });

  it("a source that is not a Stax partner event source", () => {
    const event = mutableSample("Security: UserUpdateEvent");
    event.source = "aws.partner/example.com/123456789012/default";
    expect(schemaErrors(schema, event)).toEqual([
      '/source must match pattern "^aws\\.partner/stax\\.io/[0-9]{12}/[.\\-_A-Za-z0-9]+$"',
    ]);
  });

  it("a missing required meta object, a user without id, aws without accountId", () => {
    const event = mutableSample("Security: UserUpdateEvent");
    delete event.detail.meta.organization;
    event.detail.meta.user = { email: "jane.citizen@example.com" };
    event.detail.meta.aws = { region: "ap-southeast-2" };
    expect(schemaErrors(schema, event)).toEqual([
      "/detail/meta must have required property 'organization'",
      "/detail/meta/user must have required property 'id'",
      "/detail/meta/aws must have required property 'accountId'",
    ]);
  });

  it("a bad email and date-time", () => {
    const event = mutableSample("Security: UserCreateEvent");
    event.detail.email = "not-an-email";
    event.detail.staxEventTime = "yesterday";
    expect(schemaErrors(staxEventSchema("Security: UserCreateEvent"), event)).toEqual([
      '/detail/staxEventTime must match format "date-time"',
      '/detail/email must match format "email"',
    ]);
  });
});

describe("sample fixtures", () => {
  it("come from the default Stax source and carry their own type", () => {
    for (const event of allStaxSampleEvents()) {
      expect(event.source).toBe("aws.partner/stax.io/123456789012/default");
      expect(event["detail-type"]).toBe(`${event.detail.staxEventType}: ${event.detail.staxEventName}`);
      expect(staxEventType(event["detail-type"]).staxEventSource).toBe(event.detail.staxEventSource);
    }
  });

  it("make both authentication samples failures, and the other Security samples successes", () => {
    const statuses = Object.fromEntries(allSampleEvents().map((e) => [e.detail.staxEventName, e.detail.status]));
    expect(statuses.UserAuthenticationEvent).toBe("FAILED");
    expect(statuses.APITokenAuthenticationEvent).toBe("FAILED");
    const others = SECURITY_EVENT_NAMES.filter((n) => !n.endsWith("AuthenticationEvent")).map((n) => statuses[n]);
    expect(new Set(others)).toEqual(new Set(["SUCCESS"]));
  });

  it("make the account creation a success and the account update a failure", () => {
    expect(sampleStaxEvent("AccountManagement: AccountCreateEvent").detail.status).toBe("SUCCESS");
    expect(sampleStaxEvent("AccountManagement: AccountUpdateEvent").detail).toMatchObject({
      status: "FAILED",
      errorCode: "AccountNotFound",
    });
  });

  it("give AccountManagement samples customer and organisation only, as Stax's samples do", () => {
    for (const type of STAX_DETAIL_TYPES.filter((t) => t.startsWith("AccountManagement: "))) {
      expect(Object.keys(sampleStaxEvent(type).detail.meta)).toEqual(["customer", "organization"]);
    }
  });

  it("have one variant for each freedom of the common schema", () => {
    const variants = Object.fromEntries(variantEvents());
    expect(Object.keys(variants)).toEqual(["no-aws", "no-user", "required-names-only", "user-email-only"]);
    expect(variants["no-user"].detail.meta.user).toBeUndefined();
    expect(variants["user-email-only"].detail.meta.user).toEqual({
      id: "04f8996d-a763-47a9-a9b1-028ee3007569",
      email: "jane.citizen@example.com",
    });
    expect(variants["required-names-only"].detail.meta).toEqual({
      customer: { id: "b6c45863-875e-4448-aca3-c155ed145efe" },
      organization: { id: "e87cb45c-05ad-489d-a890-4ea398345c24" },
      user: { id: "04f8996d-a763-47a9-a9b1-028ee3007569" },
    });
    expect(variants["no-aws"].detail.meta.aws).toBeUndefined();
  });

  it("keep no placeholder value of the seed", () => {
    for (const event of [...allStaxSampleEvents(), ...variantEvents().map(([, e]) => e)]) {
      expect(JSON.stringify(event)).not.toContain('"string"');
    }
  });
});
