import { EventField } from "./event-field";
import { RuleTargetInput } from "./input";

/** Options of {@link slackStaxEventMessage}. */
export interface SlackSecurityEventMessageOptions {
  /** Text in front of the message, e.g. an emoji or a mention such as `<!here>`. @default ":shield:" */
  readonly prefix?: string;
}

/**
 * A Slack incoming-webhook message (`{"text": …}`, Slack mrkdwn) that renders any Stax event
 * readably (Security, AccountManagement, or a type the catalogue does not list yet): what happened
 * and its outcome, who did it, in which organisation, and when, with the ids for looking it up.
 *
 * ```text
 * :shield: *Stax Security: UserAuthenticationEvent* – FAILED
 * *Who:* jane.citizen@example.com
 * *User id:* 04f8996d-…
 * *Organisation:* e87cb45c-…
 * *When:* 2019-08-24T14:15:22Z
 * *Event id:* c30e39d9-…
 * ```
 *
 * Who is the user's `email`, not the deprecated `username`. Optional fields are placed inside the
 * text, never as bare JSON values: EventBridge creates no variable for a path missing from the
 * event and leaves it out of the output, so a missing field leaves its line's value empty and the
 * message stays valid JSON. An event no Stax user caused (e.g. AccountManagement events) has
 * empty *Who* and *User id* lines; a user without an email has an empty *Who* and their id.
 *
 * Only ids, emails, enums and times appear: EventBridge puts a value inside quotes as it is,
 * without escaping, so free text that a customer chooses (the organisation's name, a message)
 * could contain a `"` or `\` and break the JSON. The organisation is shown by its id.
 */
export function slackStaxEventMessage(options: SlackSecurityEventMessageOptions = {}): RuleTargetInput {
  const prefix = options.prefix ?? ":shield:";
  const text = [
    `${prefix} *Stax ${EventField.detailType}* – ${EventField.fromDetail("status")}`,
    `*Who:* ${EventField.fromPath("$.detail.meta.user.email")}`,
    `*User id:* ${EventField.fromPath("$.detail.meta.user.id")}`,
    `*Organisation:* ${EventField.fromPath("$.detail.meta.organization.id")}`,
    `*When:* ${EventField.fromDetail("staxEventTime")}`,
    `*Event id:* ${EventField.fromDetail("staxEventID")}`,
  ].join("\n");
  return RuleTargetInput.fromObject({ text });
}

/** The message of {@link slackStaxEventMessage}, under the name the Slack webhook preset uses. */
export function slackSecurityEventMessage(options: SlackSecurityEventMessageOptions = {}): RuleTargetInput {
  return slackStaxEventMessage(options);
}
