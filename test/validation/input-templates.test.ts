/** Class 3 of the validation issue: input templates EventBridge would refuse or deliver broken. */
import { EventField, RuleTargetInput } from "../../modules/targets";

describe("input templates", () => {
  it("refuses a placeholder without an input path, naming the paths there are", () => {
    expect(() => RuleTargetInput.fromTemplate('{"who": <user>}', { email: "$.detail.email" })).toThrow(
      "RuleTargetInput.fromTemplate: the input template uses <user>, which has no input path; EventBridge would refuse it. Add 'user' to the input paths, or remove the placeholder (input paths: email).",
    );
  });

  it("refuses a JSON template that is not JSON once filled in", () => {
    expect(() => RuleTargetInput.fromTemplate('{"who": <email>, }', { email: "$.detail.email" })).toThrow(
      /^RuleTargetInput.fromTemplate: the input template starts like JSON but is not valid JSON once its placeholders are filled in \(.*\); EventBridge would deliver broken JSON\. Fix the template/,
    );
    expect(() => RuleTargetInput.fromTemplate('{"text": "hi <email>"', { email: "$.detail.email" })).toThrow(
      /not valid JSON/,
    );
  });

  it("accepts whole-value and in-text placeholders, predefined variables, text templates and escapes", () => {
    const paths = { email: "$.detail.email", status: "$.detail.status" };
    for (const template of [
      '{"who": <email>, "text": "<email> was <status> \\"now\\"", "rule": <aws.events.rule-name>}',
      "[<email>, <status>]",
      "<email> failed to log in <3 times",
      '{"event": <aws.events.event.json>}',
    ]) {
      expect(() => RuleTargetInput.fromTemplate(template, paths)).not.toThrow();
    }
    expect(() =>
      RuleTargetInput.fromObject({ who: EventField.fromPath("$.detail.email"), at: EventField.time }),
    ).not.toThrow();
  });
});
