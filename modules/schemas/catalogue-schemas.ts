/**
 * The catalogue as the schema registry sees it: one entry per catalogued `detail-type`, of every
 * category, with its description and its JSON Schema in the draft-04 dialect the registry accepts
 * (`JSONSchemaDraft4`). Everything comes from `modules/events`, so a type or category added to
 * the catalogue is published without a change here.
 */
import { STAX_EVENT_TYPES, staxEventSchema, type JsonSchema } from "../events";

/** One catalogued event type, ready to publish. */
export interface CatalogueSchema {
  /** The EventBridge `detail-type`, e.g. `Security: UserAuthenticationEvent`. */
  readonly detailType: string;
  /** One-line description from the catalogue. */
  readonly description: string;
  /** The JSON Schema (draft-04) of the whole EventBridge event. */
  readonly schema: JsonSchema;
}

/** Every catalogued event type, in catalogue order. */
export function catalogueSchemas(): readonly CatalogueSchema[] {
  return STAX_EVENT_TYPES.map((type) => ({
    detailType: type.detailType,
    description: type.description,
    schema: staxEventSchema(type.detailType, { dialect: "draft-04" }),
  }));
}
