import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { STAX_EVENT_TYPES } from "../../modules/events";
import { MAX_SCHEMA_CONTENT_LENGTH, MAX_SCHEMA_DESCRIPTION_LENGTH, StaxSchemaRegistry } from "../../modules/schemas";
import { allStaxSampleEvents, variantEvents } from "../support/fixtures";
import { onlyResource, refOf, resourcesOf, synthObject, testStack } from "../support/synth";

function synthRegistry(props: ConstructorParameters<typeof StaxSchemaRegistry>[2] = {}) {
  const { stack } = testStack();
  const registry = new StaxSchemaRegistry(stack, "StaxSchemas", props);
  const synth = synthObject(stack);
  return { stack, registry, synth, schemas: Object.values(resourcesOf(synth, "aws_schemas_schema")) as any[] };
}

describe("StaxSchemaRegistry", () => {
  const { registry, synth, schemas } = synthRegistry();

  it("creates one registry named after the stack and the construct path, with a description", () => {
    expect(onlyResource(synth, "aws_schemas_registry")).toEqual({
      name: "test-StaxSchemas",
      description: "JSON Schemas of the Stax events (stax-events-cdktf catalogue)",
    });
    expect(registry.registryName).toBe("test-StaxSchemas");
  });

  it("publishes one JSONSchemaDraft4 schema per catalogued type of every category, with the catalogue's description", () => {
    expect(schemas).toHaveLength(22); // 20 Security and 2 AccountManagement types
    expect(schemas.map((s) => s.name)).toEqual(
      expect.arrayContaining(["AccountManagement.AccountCreateEvent", "AccountManagement.AccountUpdateEvent"]),
    );
    expect(Object.keys(registry.schemas)).toEqual(STAX_EVENT_TYPES.map((t) => t.detailType));
    for (const type of STAX_EVENT_TYPES) {
      const schema = schemas.find((s) => s.name === `${type.staxEventType}.${type.name}`);
      expect(schema).toMatchObject({
        registry_name: refOf(registry.registry, "name"),
        type: "JSONSchemaDraft4",
        description: type.description,
      });
      const content = JSON.parse(schema.content);
      expect(content.$schema).toBe("http://json-schema.org/draft-04/schema#");
      expect(content.properties["detail-type"]).toEqual({ type: "string", enum: [type.detailType] });
    }
  });

  it("publishes schemas that a draft-04 validator accepts and that every sample event satisfies", () => {
    const ajv = new Ajv({ allErrors: true });
    addFormats(ajv);
    const events = [...allStaxSampleEvents(), ...variantEvents().map(([, event]) => event)];
    for (const event of events) {
      const schema = schemas.find((s) => s.name === StaxSchemaRegistry.schemaName(event["detail-type"]));
      const validate = ajv.compile(JSON.parse(schema.content));
      expect({ type: event["detail-type"], valid: validate(event), errors: validate.errors ?? [] }).toEqual({
        type: event["detail-type"],
        valid: true,
        errors: [],
      });
    }
  });

  it("stays within the service limits: content size, description length, schema names", () => {
    for (const schema of schemas) {
      expect(Buffer.byteLength(schema.content, "utf8")).toBeLessThanOrEqual(MAX_SCHEMA_CONTENT_LENGTH);
      expect(schema.description.length).toBeLessThanOrEqual(MAX_SCHEMA_DESCRIPTION_LENGTH);
      expect(schema.name).toMatch(/^[A-Za-z][.\-_A-Za-z0-9@]{0,384}$/);
    }
  });

  it("names schemas after the detail-type, with the separator replaced", () => {
    expect(StaxSchemaRegistry.schemaName("Security: UserAuthenticationEvent")).toBe("Security.UserAuthenticationEvent");
    expect(StaxSchemaRegistry.schemaName("AccountManagement: AccountCreateEvent")).toBe(
      "AccountManagement.AccountCreateEvent",
    );
  });

  it("publishes only the detail-types asked for, under the registry name given", () => {
    const { synth: only, schemas: some } = synthRegistry({
      registryName: "stax-events",
      detailTypes: ["Security: UserCreateEvent", "Security: PolicyCreateEvent"],
      tags: { team: "security" },
    });
    expect(onlyResource(only, "aws_schemas_registry")).toMatchObject({
      name: "stax-events",
      tags: { team: "security" },
    });
    expect(some.map((s) => s.name).sort()).toEqual(["Security.PolicyCreateEvent", "Security.UserCreateEvent"]);
  });

  it("refuses a detail-type the catalogue does not know, with the catalogue's hint and the known ones", () => {
    expect(() => synthRegistry({ detailTypes: ["Security: UserCreateEvent", "UserCreateEvent"] })).toThrow(
      /^test\/StaxSchemas: detailTypes\[1\]: unknown Stax detail-type 'UserCreateEvent'\. Pass the detail-type 'Security: UserCreateEvent', not the event name\. Catalogued detail-types: Security: UserAuthenticationEvent, .*AccountManagement: AccountUpdateEvent\.$/,
    );
    expect(() => synthRegistry({ detailTypes: ["Security: UserCreateEvent", "Security: UserCreateEvent"] })).toThrow(
      "test/StaxSchemas: detailTypes lists 'Security: UserCreateEvent' twice; list each detail-type once.",
    );
    expect(() => synthRegistry({ detailTypes: [] })).toThrow(
      "test/StaxSchemas: detailTypes is empty; leave it out to publish every catalogued type, or name at least one.",
    );
    // JavaScript callers: one detail-type not in a list, a number in the list
    expect(() => synthRegistry({ detailTypes: "Security: UserCreateEvent" as never })).toThrow(
      "test/StaxSchemas: detailTypes is text; wrap it in a list: ['Security: UserCreateEvent'].",
    );
    expect(() => synthRegistry({ detailTypes: [5 as never] })).toThrow(
      "test/StaxSchemas: detailTypes[0]: the detail-type is a number; pass one detail-type as text, e.g. 'Security: UserAuthenticationEvent'.",
    );
  });

  it("refuses registry names and descriptions EventBridge would reject", () => {
    expect(() => synthRegistry({ registryName: "stax events" })).toThrow(
      "test/StaxSchemas: registry name 'stax events' has characters EventBridge does not allow (' '); use only letters, digits, '.', '-' and '_'. Pass a different registryName.",
    );
    expect(() => synthRegistry({ registryName: "r".repeat(65) })).toThrow(
      /registry name 'r{65}' is 65 characters; EventBridge allows 64. Pass a shorter registryName./,
    );
    expect(() => synthRegistry({ registryName: "aws.events" })).toThrow(
      "test/StaxSchemas: registry name 'aws.events' starts with 'aws.', which EventBridge reserves. Pass a different registryName.",
    );
    expect(() => synthRegistry({ registryName: "discovered-schemas" })).toThrow(
      "test/StaxSchemas: registry name 'discovered-schemas' is reserved by EventBridge. Pass a different registryName.",
    );
    expect(synthRegistry({ registryName: "r".repeat(64) })).toBeDefined();
    expect(synthRegistry({ registryName: "my-aws.events" })).toBeDefined();
    expect(() => synthRegistry({ description: "d".repeat(257) })).toThrow(
      "test/StaxSchemas: description is 257 characters; EventBridge allows 256 for a registry. Pass a shorter description.",
    );
  });

  it("keeps a long default name within 64 characters, stable and unique", () => {
    const { stack } = testStack();
    const a = new StaxSchemaRegistry(stack, "A".repeat(70));
    const b = new StaxSchemaRegistry(stack, "A".repeat(69) + "B");
    expect(a.registryName.length).toBeLessThanOrEqual(64);
    expect(a.registryName).not.toBe(b.registryName);
    expect(new StaxSchemaRegistry(testStack().stack, "A".repeat(70)).registryName).toBe(a.registryName);
  });
});
