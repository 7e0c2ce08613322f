/**
 * CloudWatch alarms for Stax events that are not delivered, notifying an encrypted SNS topic.
 * @module
 */
export { AlarmTopic, cloudWatchAlarmsKeyPolicyStatement } from "./alarm-topic";
export type { AlarmTopicProps } from "./alarm-topic";
export { DELIVERY_METRICS } from "./delivery-metrics";
export type { DeliveryAlarmKind, DeliveryMetric } from "./delivery-metrics";
export * from "./stax-delivery-alarms";
export type { IWatchedDeliveryStream, IWatchedQueue } from "./watched";
