/**
 * The Lambda handler of the lambda-consumer example: receives every Stax Security event from
 * EventBridge and logs one structured line per event. Its types come from the library's event
 * catalogue, so `detail` narrows by `staxEventName` and a typo in a field name fails to compile.
 * Only types are imported: the compiled handler has no dependencies.
 */
import type { EventBridgeHandler } from "aws-lambda";
import type { SecurityEventDetail, StaxSecurityEvent } from "stax-events-cdktf/events";

/** The line the handler logs for each event. */
export interface SecurityEventSummary {
  /** `Security: <event name>`. */
  readonly detailType: string;
  /** SUCCESS or FAILED, when the event says. */
  readonly outcome: string;
  /** Username of whoever acted. */
  readonly actor: string;
  /** Organisation name. */
  readonly organisation: string;
  /** When Stax recorded the event. */
  readonly time: string;
  /** What the event is about, in a few words. */
  readonly subject: string;
}

/** What the event is about: the user, group, policy or token it concerns. */
export function subjectOf(detail: SecurityEventDetail): string {
  switch (detail.staxEventName) {
    case "UserAuthenticationEvent":
      return `${detail.email} signed in with ${detail.authMethod}${detail.loginType ? ` (${detail.loginType})` : ""}`;
    case "APITokenAuthenticationEvent":
      return `API token '${detail.name}' authenticated`;
    case "UserCreateEvent":
    case "UserUpdateEvent":
    case "UserDeleteEvent":
    case "UserEmailVerificationEvent":
    case "UserPasswordResetEvent":
      return `user ${detail.email ?? detail.userID}`;
    case "GroupAddMemberEvent":
      return `${detail.email ?? detail.userID} added to group '${detail.groupName ?? detail.groupID}'`;
    case "GroupRemoveMemberEvent":
      return `${detail.email ?? detail.userID} removed from group '${detail.groupName ?? detail.groupID}'`;
    case "GroupCreateEvent":
    case "GroupUpdateEvent":
    case "GroupDeleteEvent":
      return `group '${detail.groupName ?? detail.groupID}'`;
    case "PolicyAttachToOrganizationEvent":
    case "PolicyDetachFromOrganizationEvent":
      return `policy '${detail.policyName ?? detail.policyId}' on organisation ${detail.organizationId}`;
    case "PolicyCreateEvent":
    case "PolicyUpdateEvent":
    case "PolicyDeleteEvent":
      return `policy '${detail.policyName ?? detail.policyId}'`;
    case "ApiTokenCreateEvent":
    case "ApiTokenUpdateEvent":
    case "ApiTokenDeleteEvent":
      return `API token '${detail.apiTokenName ?? detail.apiTokenId}'`;
  }
}

/** The summary of one event. */
export function summarise(event: StaxSecurityEvent): SecurityEventSummary {
  const { detail } = event;
  return {
    detailType: event["detail-type"],
    outcome: detail.status ?? "UNKNOWN",
    actor: detail.meta.user.username,
    organisation: detail.meta.organization.name,
    time: detail.staxEventTime,
    subject: subjectOf(detail),
  };
}

/** The Lambda entry point (`index.handler`). */
export const handler: EventBridgeHandler<
  StaxSecurityEvent["detail-type"],
  SecurityEventDetail,
  SecurityEventSummary
> = async (event) => {
  const summary = summarise(event as StaxSecurityEvent);
  // eslint-disable-next-line no-console
  console.log(JSON.stringify(summary));
  return summary;
};
