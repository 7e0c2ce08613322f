export * from "./event-bus";
export * from "./stax-event-bus";
