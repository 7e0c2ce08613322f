/**
 * Publishes the Stax event catalogue's JSON Schemas into an EventBridge schema registry.
 * @module
 */
export * from "./stax-schema-registry";
