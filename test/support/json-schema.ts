/**
 * A small JSON Schema checker for the keywords `modules/events/schema.ts` emits (type, properties,
 * required, enum, const, pattern, format email/date-time, items). It returns every violation with
 * its JSON path, so a failing test says what is wrong. Unknown keywords fail loudly rather than
 * being ignored, so the checker cannot silently fall behind the generator.
 */
import type { JsonSchema } from "../../modules/events";

const KNOWN = new Set([
  "$schema",
  "title",
  "description",
  "type",
  "properties",
  "required",
  "enum",
  "const",
  "pattern",
  "format",
  "items",
]);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The violations of `schema` by `value`; empty when the value is valid. */
export function validateJsonSchema(schema: JsonSchema, value: unknown, path = "$"): string[] {
  for (const keyword of Object.keys(schema)) {
    if (!KNOWN.has(keyword)) throw new Error(`${path}: checker does not support keyword '${keyword}'`);
  }
  if (schema.type !== undefined && typeOf(value) !== schema.type) {
    return [`${path}: expected ${schema.type}, got ${typeOf(value)}`];
  }
  const errors: string[] = [];
  if (schema.const !== undefined && value !== schema.const) {
    errors.push(`${path}: expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as string)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(", ")}`);
  }
  if (typeof value === "string") errors.push(...checkString(schema, value, path));
  if (Array.isArray(value) && schema.items !== undefined) {
    value.forEach((item, i) => errors.push(...validateJsonSchema(schema.items as JsonSchema, item, `${path}[${i}]`)));
  }
  if (typeOf(value) === "object") errors.push(...checkObject(schema, value as Record<string, unknown>, path));
  return errors;
}

function checkString(schema: JsonSchema, value: string, path: string): string[] {
  const errors: string[] = [];
  if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) {
    errors.push(`${path}: '${value}' does not match ${schema.pattern}`);
  }
  if (schema.format === "email" && !EMAIL.test(value)) errors.push(`${path}: '${value}' is not an email address`);
  if (schema.format === "date-time" && !DATE_TIME.test(value)) errors.push(`${path}: '${value}' is not a date-time`);
  return errors;
}

function checkObject(schema: JsonSchema, value: Record<string, unknown>, path: string): string[] {
  const errors: string[] = [];
  for (const name of schema.required ?? []) {
    if (!(name in value)) errors.push(`${path}.${name}: required property is missing`);
  }
  for (const [name, propertySchema] of Object.entries(schema.properties ?? {})) {
    if (name in value) errors.push(...validateJsonSchema(propertySchema, value[name], `${path}.${name}`));
  }
  return errors;
}

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
