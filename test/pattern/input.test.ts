/**
 * The offline input renderer against EventBridge's documented input-transformation examples
 * ("Amazon EventBridge input transformation" and the InputTransformer API reference), its
 * documented caveats, and the library's own inputs.
 */
import { evaluatePath, renderInput, type TargetInput } from "../../modules/pattern";
import { EventField, RuleTargetInput, slackStaxEventMessage } from "../../modules/targets";
import { allStaxSampleEvents, variantEvents } from "../support/fixtures";

// The EC2 event of the documentation.
const ec2Event = {
  version: "0",
  id: "7bf73129-1428-4cd3-a780-95db273d1602",
  "detail-type": "EC2 Instance State-change Notification",
  source: "aws.ec2",
  account: "123456789012",
  time: "2015-11-11T21:29:54Z",
  region: "us-east-1",
  resources: ["arn:aws:ec2:us-east-1:123456789012:instance/i-abcd1111"],
  detail: { "instance-id": "i-0123456789", state: "RUNNING" },
};

// The documentation's input paths.
const inputPaths = { timestamp: "$.time", instance: "$.detail.instance-id", state: "$.detail.state" };
const transformer = (inputTemplate: string, paths: Record<string, string> = inputPaths): TargetInput => ({
  inputTransformer: { inputPaths: paths, inputTemplate },
});

describe("renderInput: the documented examples", () => {
  it("renders a simple string", () => {
    expect(renderInput(transformer('"instance <instance> is in <state>"'), ec2Event)).toBe(
      '"instance i-0123456789 is in RUNNING"',
    );
  });

  it("renders a string with escaped quotes", () => {
    expect(renderInput(transformer('"instance \\"<instance>\\" is in <state>"'), ec2Event)).toBe(
      '"instance \\"i-0123456789\\" is in RUNNING"',
    );
  });

  it("renders simple JSON, adding the quotes of string values", () => {
    const rendered = renderInput(transformer('{\n  "instance" : <instance>,\n  "state": <state>\n}'), ec2Event);
    expect(rendered).toBe('{\n  "instance" : "i-0123456789",\n  "state": "RUNNING"\n}');
  });

  it("renders JSON with strings and variables", () => {
    const template =
      '{"instance" : <instance>, "state": "<state>", "instanceStatus": "instance \\"<instance>\\" is in <state>"}';
    expect(JSON.parse(renderInput(transformer(template), ec2Event))).toEqual({
      instance: "i-0123456789",
      state: "RUNNING",
      instanceStatus: 'instance "i-0123456789" is in RUNNING',
    });
  });

  it("renders JSON with a mix of variables and static information", () => {
    const template = '{"instance" : <instance>, "state": [ 9, <state>, true ], "Transformed" : "Yes"}';
    expect(JSON.parse(renderInput(transformer(template), ec2Event))).toEqual({
      instance: "i-0123456789",
      state: [9, "RUNNING", true],
      Transformed: "Yes",
    });
  });

  it("renders the reserved variables in JSON: rule ARN and name, the event without its detail", () => {
    const template =
      '{"instance" : <instance>, "state": <state>, "ruleArn" : <aws.events.rule-arn>, "ruleName" : <aws.events.rule-name>, "originalEvent" : <aws.events.event>}';
    const rendered = renderInput(transformer(template), ec2Event, {
      ruleArn: "arn:aws:events:us-east-2:123456789012:rule/example",
    });
    const withoutDetail: Partial<typeof ec2Event> = { ...ec2Event };
    delete withoutDetail.detail;
    expect(JSON.parse(rendered)).toEqual({
      instance: "i-0123456789",
      state: "RUNNING",
      ruleArn: "arn:aws:events:us-east-2:123456789012:rule/example",
      ruleName: "example",
      originalEvent: withoutDetail,
    });
  });

  it("renders a reserved variable in a string", () => {
    expect(renderInput(transformer('"<aws.events.rule-name> triggered"'), ec2Event)).toBe('"example triggered"');
  });

  it("renders the API reference's examples: text, and JSON with variables in quotes or out", () => {
    const paths = { instance: "$.detail.instance-id", status: "$.detail.state" };
    expect(renderInput(transformer("<instance> is in state <status>", paths), ec2Event)).toBe(
      "i-0123456789 is in state RUNNING",
    );
    const rendered = renderInput(
      transformer('{"myInstance": <instance>,"myStatus": "<instance> is in state \\"<status>\\""}', paths),
      ec2Event,
    );
    expect(JSON.parse(rendered)).toEqual({
      myInstance: "i-0123456789",
      myStatus: 'i-0123456789 is in state "RUNNING"',
    });
  });

  it("renders the whole event with <aws.events.event.json> and the ingestion time", () => {
    const template = '{"event": <aws.events.event.json>, "received": <aws.events.event.ingestion-time>}';
    expect(JSON.parse(renderInput(transformer(template), ec2Event))).toEqual({
      event: ec2Event,
      received: ec2Event.time,
    });
    expect(
      JSON.parse(renderInput(transformer(template), ec2Event, { ingestionTime: "2015-11-11T21:29:55Z" })).received,
    ).toBe("2015-11-11T21:29:55Z");
  });
});

describe("renderInput: the documented caveats", () => {
  const event = { ...ec2Event, detail: { ...ec2Event.detail, note: 'say "hi"\\ \nbye' } };
  const paths = { note: "$.detail.note", missing: "$.detail.missing", detail: "$.detail" };

  it("does not escape a value placed inside quotes, so a quote in it breaks the JSON", () => {
    const rendered = renderInput(transformer('{"note": "<note>"}', paths), event);
    expect(rendered).toBe('{"note": "say "hi"\\ \nbye"}');
    expect(() => JSON.parse(rendered)).toThrow();
  });

  it("encodes a string value placed outside quotes as JSON, whatever it holds", () => {
    expect(JSON.parse(renderInput(transformer('{"note": <note>}', paths), event))).toEqual({ note: event.detail.note });
  });

  it("leaves out a variable whose path is missing: empty inside quotes, nothing (broken JSON) outside", () => {
    expect(renderInput(transformer('{"m": "<missing>"}', paths), event)).toBe('{"m": ""}');
    expect(renderInput(transformer('{"m": <missing>}', paths), event)).toBe('{"m": }');
    expect(renderInput(transformer('{"m": [<missing>]}', paths), event)).toBe('{"m": []}');
  });

  it("removes the inner quotes of an object referenced inside a string", () => {
    const rendered = renderInput(transformer('"Detail is <detail>"', paths), ec2Event);
    expect(rendered).toBe('"Detail is {instance-id:i-0123456789,state:RUNNING}"');
  });

  it("inserts an object placed outside quotes as JSON", () => {
    expect(JSON.parse(renderInput(transformer('{"detail": <detail>}', paths), ec2Event))).toEqual({
      detail: ec2Event.detail,
    });
  });

  it("keeps text that is not a known placeholder, such as a Slack mention", () => {
    expect(renderInput(transformer('"<!here> <unknown> <state>"'), ec2Event)).toBe('"<!here> <unknown> RUNNING"');
  });
});

describe("renderInput: constant, path and no input", () => {
  it("delivers the event itself when the target has no input", () => {
    expect(JSON.parse(renderInput(undefined, ec2Event))).toEqual(ec2Event);
    expect(JSON.parse(renderInput({}, ec2Event))).toEqual(ec2Event);
  });

  it("delivers a constant input as it is", () => {
    expect(renderInput({ input: '{"a": 1}' }, ec2Event)).toBe('{"a": 1}');
  });

  it("delivers the part of the event an input path selects", () => {
    expect(JSON.parse(renderInput({ inputPath: "$.detail" }, ec2Event))).toEqual(ec2Event.detail);
    expect(renderInput({ inputPath: "$.resources[0]" }, ec2Event)).toBe(JSON.stringify(ec2Event.resources[0]));
    expect(renderInput({ inputPath: "$.detail.nothing" }, ec2Event)).toBe("");
  });

  it("evaluates indices and wildcards", () => {
    expect(evaluatePath(ec2Event, "$.resources[0]")).toBe(ec2Event.resources[0]);
    expect(evaluatePath(ec2Event, "$.resources[3]")).toBeUndefined();
    expect(evaluatePath(ec2Event, "$.detail.*")).toEqual(["i-0123456789", "RUNNING"]);
    expect(evaluatePath(ec2Event, "$")).toEqual(ec2Event);
  });

  it("refuses a path EventBridge does not evaluate", () => {
    expect(() => renderInput({ inputPath: "detail.state" }, ec2Event)).toThrow(
      "renderInput: 'detail.state' is not a JSON path EventBridge evaluates; use '$' followed by '.field', '[index]' or '*' parts, e.g. '$.detail.email'.",
    );
  });
});

describe("renderInput: the library's inputs", () => {
  it("renders a RuleTargetInput built with EventField", () => {
    const input = RuleTargetInput.fromObject({
      instance: EventField.fromPath("$.detail.instance-id"),
      text: `${EventField.fromPath("$.detail.instance-id")} is ${EventField.fromPath("$.detail.state")}`,
      rule: EventField.ruleName,
    });
    expect(input).toTransformTo(
      ec2Event,
      { instance: "i-0123456789", text: "i-0123456789 is RUNNING", rule: "r1" },
      {
        ruleName: "r1",
      },
    );
    expect(input).not.toTransformTo(ec2Event, { instance: "other" });
  });

  it("renders the Slack preset for every sample and variant event as JSON with readable text", () => {
    const events = [...allStaxSampleEvents(), ...variantEvents().map(([, event]) => event)];
    for (const event of events) {
      const message = JSON.parse(renderInput(slackStaxEventMessage(), event));
      expect(Object.keys(message)).toEqual(["text"]);
      const d = event.detail;
      expect(message.text).toContain(`*Stax ${event["detail-type"]}* – ${d.status ?? ""}`);
      expect(message.text).toContain(`*Who:* ${d.meta.user?.email ?? ""}\n`);
      expect(message.text).toContain(`*Organisation:* ${d.meta.organization.id}`);
      expect(message.text).toContain(`*When:* ${d.staxEventTime}`);
      expect(message.text).toContain(`*Event id:* ${d.staxEventID}`);
      expect(message.text).not.toMatch(/@@|<[a-z]|undefined|[{}]/);
    }
  });
  it("keeps the Slack preset valid JSON when the customer's free text holds quotes, backslashes and newlines", () => {
    const [sample] = allStaxSampleEvents();
    const hostile = 'Acme "Red" \\ Team\nline two';
    const event = {
      ...sample,
      detail: {
        ...sample.detail,
        message: hostile,
        meta: { ...sample.detail.meta, organization: { ...sample.detail.meta.organization, name: hostile } },
      },
    };
    const message = JSON.parse(renderInput(slackStaxEventMessage(), event as typeof sample));
    expect(message.text).toContain(`*Organisation:* ${sample.detail.meta.organization.id}`);
  });
});

describe("toTransformTo", () => {
  const input = transformer('{"state": <state>}');

  it("compares text when the expectation is a string", () => {
    expect(input).toTransformTo(ec2Event, '{"state": "RUNNING"}');
  });

  it("takes asymmetric matchers", () => {
    expect(input).toTransformTo(ec2Event, { state: expect.any(String) });
  });

  it("says what it rendered, and when that is not JSON", () => {
    expect(() =>
      expect(transformer('{"m": <missing>}', { missing: "$.x" })).toTransformTo(ec2Event, { m: null }),
    ).toThrow(
      /expected the input to render as given for the event, but it does not\n\nExpected: \{"m":null\}\nRendered: \{"m": \}\nThe rendered input is not valid JSON/,
    );
    expect(() => expect(input).not.toTransformTo(ec2Event, { state: "RUNNING" })).toThrow(
      "expected the input not to render as given for the event, but it does",
    );
  });

  it("refuses something that is not a target input", () => {
    expect(() => expect(42).toTransformTo(ec2Event, {})).toThrow(
      "toTransformTo: expected a target input (a RuleTargetInput, or an object with input, inputPath or inputTransformer), got 42",
    );
  });
});
