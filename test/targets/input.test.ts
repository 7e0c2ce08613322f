import { EventField, RuleTargetInput } from "../../modules/targets";
import { sampleEvent } from "../support/fixtures";
import { renderTransformer } from "../support/targets";

/** The target block fields of an input, in Terraform's snake case. */
function transformerOf(input: RuleTargetInput): { input_paths?: Record<string, string>; input_template: string } {
  const { inputTransformer } = input.bind();
  if (!inputTransformer) throw new Error("not an input transformer");
  return {
    input_paths: inputTransformer.inputPaths as Record<string, string>,
    input_template: inputTransformer.inputTemplate,
  };
}

describe("RuleTargetInput", () => {
  it("keeps constants constant", () => {
    expect(RuleTargetInput.fromObject({ a: 1 }).bind()).toEqual({ input: '{"a":1}' });
    expect(RuleTargetInput.fromText("hello").bind()).toEqual({ input: '"hello"' });
    expect(RuleTargetInput.fromEventPath("$.detail").bind()).toEqual({ inputPath: "$.detail" });
  });

  it("turns an object with event fields into an input transformer: whole values as JSON, parts of strings as text", () => {
    const input = RuleTargetInput.fromObject({
      email: EventField.fromDetail("email"),
      summary: `${EventField.fromPath("$.detail.meta.user.username")} created ${EventField.fromDetail("email")}`,
      type: EventField.detailType,
      rule: EventField.ruleName,
    });
    const transformer = transformerOf(input);
    expect(transformer.input_paths).toEqual({
      email: "$.detail.email",
      username: "$.detail.meta.user.username",
      "detail-type": "$.detail-type",
    });
    expect(transformer.input_template).toBe(
      '{"email":<email>,"summary":"<username> created <email>","type":<detail-type>,"rule":<aws.events.rule-name>}',
    );

    const rendered = JSON.parse(
      renderTransformer(transformer, sampleEvent("UserCreateEvent"), { "aws.events.rule-name": "my-rule" }),
    );
    expect(rendered).toEqual({
      email: sampleEvent("UserCreateEvent").detail.email,
      summary: `jane.citizen@example.com created ${sampleEvent("UserCreateEvent").detail.email}`,
      type: "Security: UserCreateEvent",
      rule: "my-rule",
    });
  });

  it("names fields after their last path part, and tells equal names apart", () => {
    const transformer = transformerOf(
      RuleTargetInput.fromText(
        `${EventField.fromPath("$.detail.meta.user.id")} ${EventField.fromPath("$.detail.meta.organization.id")} ${EventField.fromPath("$.detail.meta.user.id")}`,
      ),
    );
    expect(transformer.input_paths).toEqual({ id: "$.detail.meta.user.id", id2: "$.detail.meta.organization.id" });
    expect(transformer.input_template).toBe('"<id> <id2> <id>"');
  });

  it("accepts a hand-written template", () => {
    expect(RuleTargetInput.fromTemplate('"<who> logged in"', { who: "$.detail.email" }).bind()).toEqual({
      inputTransformer: { inputTemplate: '"<who> logged in"', inputPaths: { who: "$.detail.email" } },
    });
  });

  describe("rejects bad input", () => {
    it("an input transformer path that is not a JSON path", () => {
      expect(() => EventField.fromPath("detail.email")).toThrow(
        "EventField.fromPath: 'detail.email' is not a JSON path EventBridge accepts; use '$' followed by '.field' or '[index]' parts, e.g. '$.detail.email'.",
      );
      expect(() => EventField.fromPath("$.detail..email")).toThrow("is not a JSON path EventBridge accepts");
      expect(() => EventField.fromPath("$['detail']")).toThrow("is not a JSON path EventBridge accepts");
      expect(() => RuleTargetInput.fromTemplate("<x>", { x: "$.detail email" })).toThrow(
        "RuleTargetInput.fromTemplate: '$.detail email' is not a JSON path EventBridge accepts",
      );
      expect(() => RuleTargetInput.fromEventPath("detail")).toThrow(
        "RuleTargetInput.fromEventPath: 'detail' is not a JSON path",
      );
    });

    it("a JSON path longer than 256 characters", () => {
      expect(() => EventField.fromPath(`$.${"a".repeat(300)}`)).toThrow("EventField.fromPath: the JSON path '$.aaaa");
    });

    it("more than 100 input paths", () => {
      const fields = Object.fromEntries(
        Array.from({ length: 101 }, (_, i) => [`f${i}`, EventField.fromPath(`$.detail.f${i}`)]),
      );
      expect(() => RuleTargetInput.fromObject(fields)).toThrow(
        "RuleTargetInput.fromObject: the input transformer has 101 input paths; EventBridge allows 100. Use fewer event fields, or one parent field such as $.detail.",
      );
      const hundred = Object.fromEntries(
        Array.from({ length: 100 }, (_, i) => [`f${i}`, EventField.fromPath(`$.detail.f${i}`)]),
      );
      expect(Object.keys(transformerOf(RuleTargetInput.fromObject(hundred)).input_paths!)).toHaveLength(100);
    });

    it("a template longer than 8192 characters", () => {
      expect(() => RuleTargetInput.fromText(`${EventField.source} ${"x".repeat(8200)}`)).toThrow(
        "RuleTargetInput.fromText: the input template is 8211 characters; EventBridge accepts 1 to 8192. Send less text, or the event itself.",
      );
    });

    it("variable names EventBridge reserves or refuses", () => {
      expect(() => RuleTargetInput.fromTemplate("<aws.x>", { "aws.x": "$.id" })).toThrow(
        "RuleTargetInput.fromTemplate: 'aws.x' cannot name an input path; use letters, digits, '_' and '-' (names starting 'aws.' are reserved).",
      );
    });
  });
});
