/**
 * JSON Schemas of the catalogued Stax events, generated from the catalogue data (the one source of
 * truth) for every category alike. Each schema describes the whole EventBridge envelope, with
 * `detail-type`, `detail.staxEventName`, `detail.staxEventSource` and `detail.staxEventType` pinned
 * to the type's values, the detail's required fields listed and its enums enforced, and `meta` as
 * Stax documents it (`user` and `aws` optional, names optional).
 *
 * Forward compatibility: schemas are open. No object sets `additionalProperties: false`, so a
 * field Stax adds later (in `detail`, in `meta` or in the envelope) does not make an event invalid.
 */
import {
  SECURITY_EVENT_NAMES,
  STAX_DETAIL_TYPES,
  catalogueEntry,
  securityEventType,
  type SecurityEventName,
  type StaxDetailType,
} from "./catalogue";
import { STAX_EVENT_META, type MetaObjectSpec } from "./common";
import type { DetailPropertySpec } from "./spec";

/**
 * The JSON Schema draft to emit. `draft-07` is the default; `draft-04` is what the EventBridge
 * schema registry accepts (type `JSONSchemaDraft4`): constants become one-value enums.
 */
export type JsonSchemaDialect = "draft-07" | "draft-04";

/** The subset of JSON Schema these generators emit. */
export interface JsonSchema {
  /** Dialect URI. @default - absent on nested schemas */
  readonly $schema?: string;
  /** Title. @default - absent */
  readonly title?: string;
  /** Description. @default - absent */
  readonly description?: string;
  /** JSON type. @default - any type */
  readonly type?: "object" | "string" | "array";
  /** Object members. @default - none */
  readonly properties?: { readonly [name: string]: JsonSchema };
  /** Required object members. @default - none */
  readonly required?: readonly string[];
  /** Allowed values. @default - any value */
  readonly enum?: readonly string[];
  /** The only allowed value (draft-07). @default - any value */
  readonly const?: string;
  /** Regular expression a string must match. @default - any string */
  readonly pattern?: string;
  /** String format (`email`, `date-time`). @default - none */
  readonly format?: string;
  /** Schema of array items. @default - any items */
  readonly items?: JsonSchema;
}

/** Options of {@link staxEventSchema} and {@link securityEventSchema}. */
export interface StaxEventSchemaOptions {
  /** The JSON Schema draft to emit. @default "draft-07" */
  readonly dialect?: JsonSchemaDialect;
}

/** Options of {@link securityEventSchema}. */
export type SecurityEventSchemaOptions = StaxEventSchemaOptions;

/** `source` of events from a Stax partner event source: `aws.partner/stax.io/<account-id>/<name>`. */
export const STAX_PARTNER_SOURCE_PATTERN = "^aws\\.partner/stax\\.io/[0-9]{12}/[.\\-_A-Za-z0-9]+$";

const DIALECT_URI: Readonly<Record<JsonSchemaDialect, string>> = {
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "draft-04": "http://json-schema.org/draft-04/schema#",
};

const STRING: JsonSchema = { type: "string" };
const DATE_TIME: JsonSchema = { type: "string", format: "date-time" };

/**
 * The JSON Schema of one catalogued event type's whole EventBridge event, by `detail-type`, e.g.
 * `staxEventSchema("AccountManagement: AccountUpdateEvent")`.
 * @throws Error naming the value and listing the catalogued detail-types when it is unknown.
 */
export function staxEventSchema(detailType: StaxDetailType, options: StaxEventSchemaOptions = {}): JsonSchema {
  const dialect = options.dialect ?? "draft-07";
  const spec = catalogueEntry("staxEventSchema", detailType);
  const constant = (value: string): JsonSchema =>
    dialect === "draft-04" ? { type: "string", enum: [value] } : { type: "string", const: value };

  const detailProperties: Record<string, JsonSchema> = {
    meta: metaSchema(),
    staxEventVersion: STRING,
    staxEventID: STRING,
    staxEventTime: DATE_TIME,
    staxEventSource: constant(spec.staxEventSource),
    staxEventType: constant(spec.staxEventType),
    staxEventName: constant(spec.name),
  };
  const common = Object.keys(detailProperties);
  for (const property of spec.properties) {
    detailProperties[property.name] = propertySchema(property);
  }

  return {
    $schema: DIALECT_URI[dialect],
    title: spec.detailType,
    description: spec.description,
    type: "object",
    properties: {
      version: STRING,
      id: STRING,
      "detail-type": constant(spec.detailType),
      source: { type: "string", pattern: STAX_PARTNER_SOURCE_PATTERN },
      account: { type: "string", pattern: "^[0-9]{12}$" },
      time: DATE_TIME,
      region: STRING,
      resources: { type: "array", items: STRING },
      "replay-name": STRING,
      detail: {
        type: "object",
        properties: detailProperties,
        required: [...common, ...spec.properties.filter((p) => p.required).map((p) => p.name)],
      },
    },
    required: ["version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail"],
  };
}

/** The JSON Schemas of every catalogued event type, keyed by `detail-type`, in catalogue order. */
export function staxEventSchemas(options: StaxEventSchemaOptions = {}): Readonly<Record<StaxDetailType, JsonSchema>> {
  return Object.fromEntries(STAX_DETAIL_TYPES.map((type) => [type, staxEventSchema(type, options)])) as Record<
    StaxDetailType,
    JsonSchema
  >;
}

/**
 * The JSON Schema of one Security event type's whole EventBridge event, by event name; the same
 * schema as `staxEventSchema("Security: <name>")`.
 * @throws Error listing the valid names when `name` is unknown.
 */
export function securityEventSchema(name: SecurityEventName, options: SecurityEventSchemaOptions = {}): JsonSchema {
  return staxEventSchema(securityEventType(name).detailType, options);
}

/** The JSON Schemas of all Security event types, keyed by event name, in catalogue order. */
export function securityEventSchemas(
  options: SecurityEventSchemaOptions = {},
): Readonly<Record<SecurityEventName, JsonSchema>> {
  return Object.fromEntries(SECURITY_EVENT_NAMES.map((name) => [name, securityEventSchema(name, options)])) as Record<
    SecurityEventName,
    JsonSchema
  >;
}

function propertySchema(property: DetailPropertySpec): JsonSchema {
  return {
    type: property.type,
    ...(property.format !== undefined ? { format: property.format } : {}),
    ...(property.enum !== undefined ? { enum: property.enum } : {}),
    ...(property.note !== undefined ? { description: property.note } : {}),
  };
}

/** `detail.meta`, from the common-properties table: required objects and members as Stax documents them. */
function metaSchema(): JsonSchema {
  const objects: readonly MetaObjectSpec[] = STAX_EVENT_META;
  const properties = Object.fromEntries(
    objects.map((object): [string, JsonSchema] => [
      object.name,
      {
        type: "object",
        description: object.description,
        properties: Object.fromEntries(
          object.members.map((member) => [
            member.name,
            {
              type: "string",
              description: member.deprecated ? `Deprecated: ${member.deprecated}` : member.description,
            } satisfies JsonSchema,
          ]),
        ),
        required: object.members.filter((member) => member.required).map((member) => member.name),
      },
    ]),
  );
  return { type: "object", properties, required: objects.filter((o) => o.required).map((o) => o.name) };
}
