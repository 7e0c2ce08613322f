/**
 * Validates values against the catalogue's JSON Schemas with ajv, a maintained validator: draft-07
 * schemas with ajv's default class, draft-04 schemas (the EventBridge schema registry's dialect)
 * with ajv-draft-04, both with ajv-formats for `date-time` and `email`, in strict mode (an unknown
 * keyword in a generated schema is an error, not ignored).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { JsonSchema } from "../../modules/events";

const DRAFT_04 = "http://json-schema.org/draft-04/schema#";

const draft07 = new Ajv({ allErrors: true, strict: true });
const draft04 = new AjvDraft04({ allErrors: true, strict: true });
addFormats(draft07);
addFormats(draft04);

const compiled = new Map<string, ValidateFunction>();

/** The compiled validator of `schema` (draft-04 or draft-07, by its `$schema`). */
export function validatorOf(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    validate = (schema.$schema === DRAFT_04 ? draft04 : draft07).compile(schema as object);
    compiled.set(key, validate);
  }
  return validate;
}

/** The violations of `schema` by `value`, as `<instance path> <message>` lines; empty when valid. */
export function schemaErrors(schema: JsonSchema, value: unknown): string[] {
  const validate = validatorOf(schema);
  return validate(value) ? [] : (validate.errors ?? []).map(describe);
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === "enum" ? ` (${(error.params.allowedValues as string[]).join(", ")})` : "";
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}${extra}`;
}
