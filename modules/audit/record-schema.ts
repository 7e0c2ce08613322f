/**
 * The JSON Schema (draft-07) of an audit record, the object the audit log writes on each line.
 * Plain data: validate records with any JSON Schema validator.
 */
import { AUDIT_CRUD_VALUES, AUDIT_RESULT_VALUES, AUDIT_SOURCE_VALUES } from "./mapping";

const nullableString = { type: ["string", "null"] } as const;

/** The JSON Schema of one audit record (see `AuditRecord`). */
export const AUDIT_RECORD_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "https://github.com/stax-labs/stax-events-cdktf/audit-record.json",
  title: "Stax audit record",
  description: "One Stax Security or AccountManagement event, normalised to the audit log's eleven fields.",
  type: "object",
  additionalProperties: false,
  required: [
    "id",
    "user_email",
    "user_id",
    "organization_id",
    "crud",
    "result",
    "action",
    "source",
    "description",
    "event_time",
    "context",
  ],
  properties: {
    id: { type: "string", minLength: 1, description: "The Stax event id (detail.staxEventID)." },
    user_email: {
      ...nullableString,
      description: "Email of the acting Stax user; null without a user, empty when the user has no email.",
    },
    user_id: { ...nullableString, description: "Id of the acting Stax user; null without a user." },
    organization_id: { type: "string", minLength: 1, description: "The Stax organisation id." },
    crud: { enum: [...AUDIT_CRUD_VALUES], description: "What the action did." },
    result: { enum: [...AUDIT_RESULT_VALUES], description: "Whether it succeeded (FAILED is fail)." },
    action: {
      type: "string",
      pattern: "^[a-z]+(-[a-z]+)*$",
      description: "The action, a lower-case kebab-case verb phrase.",
    },
    source: { enum: [...AUDIT_SOURCE_VALUES], description: "Through what the action came." },
    description: { type: "string", description: "The Stax message, or a sentence describing the event type." },
    event_time: { type: "string", format: "date-time", description: "When the event happened (staxEventTime)." },
    context: {
      type: "object",
      required: ["detailType", "eventId", "staxEventSource", "status", "errorCode", "meta"],
      properties: {
        detailType: { type: "string" },
        eventId: { type: "string" },
        staxEventSource: { type: "string" },
        status: { type: "string" },
        errorCode: { type: "string" },
        meta: { type: "object", required: ["organization"] },
      },
      description: "The event's other useful fields: detail-type, status, error code, ids, meta.",
    },
  },
} as const;
