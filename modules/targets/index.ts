/**
 * Where a rule delivers: queues, topics, functions, state machines, logs, Firehose, other buses and webhooks, each with its least-privilege permission, retries and dead-letter queue.
 * @module
 */
export * from "./base";
export * from "./event-bus";
export { EventField, MAX_INPUT_PATH_LENGTH } from "./event-field";
export type { SecurityDetailField, StaxDetailField } from "./event-field";
export * from "./events-log-group";
export * from "./firehose";
export * from "./function-permissions";
export * from "./firehose-to-s3";
export * from "./input";
export * from "./kms";
export * from "./lambda";
export * from "./log-group";
export * from "./log-resource-policy";
export * from "./queue";
export * from "./queue-policy";
export * from "./secure-queue";
export * from "./slack";
export * from "./sns";
export * from "./sqs";
export * from "./step-functions";
export type { RoleTargetProps } from "./target-role";
export * from "./topic-policy";
export * from "./webhook";
export { WebhookAuth } from "./webhook-auth";
export type {
  ApiKeyAuthOptions,
  BasicAuthOptions,
  OAuthClientCredentialsOptions,
  WebhookAuthConfig,
} from "./webhook-auth";
