/**
 * Forwarding AWS service events from every region and account of an organisation to one aggregation bus, through StackSets.
 * @module
 */
export {
  AWS_COMMERCIAL_REGIONS,
  AWS_DEFAULT_ENABLED_REGIONS,
  AWS_OPT_IN_REGIONS,
  GLOBAL_SERVICES_REGION,
} from "./regions";
export type { ForwardingDestination, IForwardingDestination, ResolvedDestination } from "./destination";
export * from "./service-event-patterns";
export * from "./security-event-collector";
export * from "./service-event-forwarder";
export * from "./forwarding-template";
export * from "./organization-forwarding";
