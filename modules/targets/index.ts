export * from "./base";
export * from "./event-bus";
export * from "./input";
export * from "./kms";
export * from "./queue";
export * from "./queue-policy";
export * from "./secure-queue";
export * from "./sqs";
