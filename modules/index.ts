/**
 * stax-events-cdktf: CDK for Terraform constructs to consume Stax events on AWS EventBridge.
 * This file only re-exports.
 */
export * from "./events";
export * from "./pattern";
export * from "./bus";
export * from "./rule";
export * from "./targets";
export * from "./forwarding";
export * from "./audit";
export * from "./schemas";
export * from "./alarms";
