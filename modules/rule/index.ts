/**
 * Rules on a Stax bus (`StaxEventRule`) and the target interface they deliver to.
 * @module
 */
export * from "./target";
export * from "./stax-event-rule";
