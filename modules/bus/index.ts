/**
 * The Stax partner event bus (`StaxEventBus`) and the bus interface every rule and target uses.
 * @module
 */
export * from "./event-bus";
export * from "./stax-event-bus";
