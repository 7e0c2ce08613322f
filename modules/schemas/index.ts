/** Publishes the Stax event catalogue's JSON Schemas into an EventBridge schema registry. */
export * from "./stax-schema-registry";
