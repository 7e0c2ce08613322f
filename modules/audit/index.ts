/**
 * The Stax audit log: normalised audit records built by input transformers (no Lambda), delivered
 * through Firehose to S3, with a Glue table, an Athena workgroup and named queries.
 * @module
 */
export * from "./mapping";
export * from "./templates";
export * from "./record-schema";
export * from "./queries";
export * from "./athena";
export * from "./audit-log";
