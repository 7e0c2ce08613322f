import { EventField } from "./event-field";
import { RuleTargetInput } from "./input";

/** Options of {@link slackSecurityEventMessage}. */
export interface SlackSecurityEventMessageOptions {
  /** Text in front of the message, e.g. an emoji or a mention such as `<!here>`. @default ":shield:" */
  readonly prefix?: string;
}

/**
 * A Slack incoming-webhook message (`{"text": …}`, Slack mrkdwn) that renders a Stax Security
 * event readably: what happened and its outcome, who did it, in which organisation, and when,
 * with the event id for looking it up.
 *
 * ```text
 * :shield: *Stax Security: UserAuthenticationEvent* – FAILED
 * *Who:* jane.citizen@example.com
 * *Organisation:* Example Organisation
 * *When:* 2019-08-24T14:15:22Z
 * *Event id:* c30e39d9-…
 * ```
 */
export function slackSecurityEventMessage(options: SlackSecurityEventMessageOptions = {}): RuleTargetInput {
  const prefix = options.prefix ?? ":shield:";
  const text = [
    `${prefix} *Stax Security: ${EventField.fromDetail("staxEventName")}* – ${EventField.fromDetail("status")}`,
    `*Who:* ${EventField.fromPath("$.detail.meta.user.username")}`,
    `*Organisation:* ${EventField.fromPath("$.detail.meta.organization.name")}`,
    `*When:* ${EventField.fromDetail("staxEventTime")}`,
    `*Event id:* ${EventField.fromDetail("staxEventID")}`,
  ].join("\n");
  return RuleTargetInput.fromObject({ text });
}
