export * from "./target";
export * from "./stax-event-rule";
