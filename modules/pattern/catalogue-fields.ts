/**
 * The field tree of a catalogued Stax event's `detail`, read from the catalogue's own JSON Schema
 * (`staxEventSchema`, which already holds the common `meta`, the `stax*` fields, each type's
 * properties, their enums and which are optional), and the lookups the catalogue checks make in
 * it. Plain TypeScript, no cdktf import.
 *
 * Fields Stax may add: the catalogue's schemas are open (no `additionalProperties: false`), so an
 * event with an extra field is valid. A rule or input that names a field no selected type has is
 * still refused by default, because the catalogue is the only description of Stax events the
 * library has and a misspelt field silently never matches; `allowUncatalogued` on the rule turns
 * the refusal into a warning for fields Stax sends before the catalogue knows them.
 */
import type { StaxDetailType } from "../events/catalogue";
import { staxEventSchema, type JsonSchema } from "../events/schema";
import type { PathSegment } from "./errors";

const DETAIL_SCHEMAS = new Map<string, JsonSchema>();

/** The JSON Schema of the `detail` of a catalogued `detail-type` (computed once). */
export function detailSchema(detailType: StaxDetailType): JsonSchema {
  let schema = DETAIL_SCHEMAS.get(detailType);
  if (schema === undefined) {
    schema = staxEventSchema(detailType).properties?.detail as JsonSchema;
    DETAIL_SCHEMAS.set(detailType, schema);
  }
  return schema;
}

/** The values a string field may take (its enum, or its constant), or `undefined` for any string. */
export function allowedValues(schema: JsonSchema): readonly string[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  return schema.enum;
}

/** Where a lookup in the field tree ended. */
export type FieldLookup =
  | { readonly found: true; readonly schema: JsonSchema }
  | {
      readonly found: false;
      /** How many segments were found before the missing one. */
      readonly depth: number;
      /** The schema of the last field found (an object's has the valid keys). */
      readonly parent: JsonSchema;
    };

/**
 * Walks `segments` (object keys; numbers for list indexes) down from `schema`. Lists are looked
 * through by key steps as EventBridge's patterns do (`flatten`), and entered only by index steps
 * otherwise (JSON paths of input transformers).
 */
export function lookupField(schema: JsonSchema, segments: readonly PathSegment[], flatten: boolean): FieldLookup {
  let here = schema;
  for (let depth = 0; depth < segments.length; depth++) {
    const segment = segments[depth];
    while (flatten && here.type === "array" && here.items !== undefined) here = here.items;
    let next: JsonSchema | undefined;
    if (here.type === "array" && typeof segment === "number") next = here.items ?? {};
    else if (here.type === "object" && typeof segment === "string")
      next = Object.prototype.hasOwnProperty.call(here.properties ?? {}, segment)
        ? here.properties?.[segment]
        : undefined;
    if (next === undefined) return { found: false, depth, parent: here };
    here = next;
  }
  while (flatten && here.type === "array" && here.items !== undefined) here = here.items;
  return { found: true, schema: here };
}

/** The keys of an object schema (empty for other schemas). */
export function fieldNames(schema: JsonSchema): readonly string[] {
  return schema.type === "object" ? Object.keys(schema.properties ?? {}) : [];
}

/** Names detail-types for a message: `'A'`, or `'A', 'B' and 3 more`. */
export function namedTypes(detailTypes: readonly string[]): string {
  const shown = detailTypes.slice(0, 3).map((t) => `'${t}'`);
  const more = detailTypes.length - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}
