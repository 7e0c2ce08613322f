/**
 * The Lambda handler of the lambda-consumer example: receives catalogued Stax events (Security and
 * AccountManagement) from EventBridge and logs one structured line per event. Its types come from
 * the library's event catalogue, so `detail` narrows by `staxEventName` and a typo in a field name
 * fails to compile. It copes with the optional parts of Stax's common schema: events no user
 * caused (no `meta.user`), users without `email`, organisations without a name.
 * Only types are imported: the compiled handler has no dependencies.
 */
import type { Handler } from "aws-lambda";
import type {
  StaxDetailType,
  StaxEventBridgeEvent,
  StaxEventDetail,
  StaxEventMeta,
  StaxSecurityEvent,
} from "stax-events-cdktf/events";

/** The line the handler logs for each event. */
export interface StaxEventSummary {
  /** `<category>: <event name>`, e.g. `Security: UserCreateEvent`. */
  readonly detailType: string;
  /** SUCCESS or FAILED, when the event says. */
  readonly outcome: string;
  /** Who acted: the user's email, else their Stax user id, else `no Stax user`. */
  readonly actor: string;
  /** Organisation name, else its id. */
  readonly organisation: string;
  /** When Stax recorded the event. */
  readonly time: string;
  /** What the event is about, in a few words. */
  readonly subject: string;
}

/** What the event is about: the user, group, policy, token or AWS account it concerns. */
export function subjectOf(detail: StaxEventDetail): string {
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
    case "AccountCreateEvent":
    case "AccountUpdateEvent":
      return `AWS account '${detail.accountName ?? detail.awsAccountId ?? detail.accountId}'`;
  }
}

/** Who acted: `meta.user` is absent on events no user caused, and `email` may be absent too. */
export function actorOf(meta: StaxEventMeta): string {
  return meta.user?.email ?? meta.user?.id ?? "no Stax user";
}

/** The summary of one event. */
export function summarise(event: StaxEventBridgeEvent<StaxDetailType, StaxEventDetail>): StaxEventSummary {
  const { detail } = event;
  return {
    detailType: event["detail-type"],
    outcome: detail.status ?? "UNKNOWN",
    actor: actorOf(detail.meta),
    organisation: detail.meta.organization.name ?? detail.meta.organization.id,
    time: detail.staxEventTime,
    subject: subjectOf(detail),
  };
}

/**
 * The Lambda entry point (`index.handler`). The rule sends it Security events only, so it is typed
 * `Handler<StaxSecurityEvent>`: `event.detail` narrows by `staxEventName` to that event's fields.
 */
export const handler: Handler<StaxSecurityEvent, StaxEventSummary> = async (event) => {
  const summary = summarise(event);
  // eslint-disable-next-line no-console
  console.log(JSON.stringify(summary));
  return summary;
};
