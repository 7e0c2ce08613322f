/**
 * An offline renderer of a rule target's input: what EventBridge delivers to a target for an
 * event, given the target's `input`, `input_path` or `input_transformer`. Plain TypeScript with
 * no cdktf import, like the matcher.
 *
 * It follows EventBridge's documented input-transformation rules ("Amazon EventBridge input
 * transformation", "Common issues with transforming input"):
 * - In a JSON template (one starting with `{` or `[`), a placeholder outside quotes gets the
 *   value as JSON: EventBridge adds the quotes to a string (escaping it), and inserts objects and
 *   arrays as they are.
 * - Inside a quoted string, or in a template that is not JSON, a string value is inserted as it
 *   is: EventBridge does not escape values extracted by an input path, so a `"` or a newline in
 *   the value lands in the output unescaped. An object or array loses its inner quotes.
 * - A variable whose path is missing from the event is not created and does not appear in the
 *   output: its placeholder renders as nothing.
 * - The predefined variables `aws.events.rule-name`, `aws.events.rule-arn`,
 *   `aws.events.event.ingestion-time`, `aws.events.event` (the event without `detail`) and
 *   `aws.events.event.json` (the whole event). The last two are not escaped, so they only make
 *   sense as the value of a JSON field.
 */

/** The input fields of a rule target, as the target block carries them (camelCase, like the provider's). */
export interface TargetInput {
  /** A constant JSON text delivered instead of the event. @default - none */
  readonly input?: string;
  /** A JSON path: only that part of the event is delivered. @default - none */
  readonly inputPath?: string;
  /** An input transformer: a template and the JSON path of each of its variables. @default - none */
  readonly inputTransformer?: {
    /** Variable name → JSON path. @default - no variables */
    readonly inputPaths?: { readonly [name: string]: string };
    /** The template, with `<name>` placeholders. */
    readonly inputTemplate: string;
  };
}

/** Anything that yields the input fields with `bind()`, such as `RuleTargetInput`. */
export interface BindsTargetInput {
  /** Returns the input fields of the target block. */
  bind(): TargetInput;
}

/** The rule and receipt values the predefined variables stand for. */
export interface RenderInputOptions {
  /** Name of the rule (`<aws.events.rule-name>`). @default "example" */
  readonly ruleName?: string;
  /** ARN of the rule (`<aws.events.rule-arn>`). @default - `arn:aws:events:<event region>:<event account>:rule/<ruleName>` */
  readonly ruleArn?: string;
  /** When EventBridge received the event (`<aws.events.event.ingestion-time>`). @default - the event's `time` */
  readonly ingestionTime?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The predefined variables EventBridge fills in without an input path. */
export const PREDEFINED_INPUT_VARIABLES = [
  "aws.events.rule-name",
  "aws.events.rule-arn",
  "aws.events.event.ingestion-time",
  "aws.events.event",
  "aws.events.event.json",
] as const;

const PLACEHOLDER = /^<([A-Za-z0-9_.-]+)>/;

/**
 * Renders what EventBridge delivers to a target for `event`: the event itself when the target
 * has no input, the constant `input`, the part of the event at `inputPath`, or the filled-in
 * template of `inputTransformer`. Returns the payload text (which is not always valid JSON:
 * EventBridge delivers a badly placed placeholder's output as it is, and so does this).
 *
 * ```ts
 * renderInput({ inputTransformer: { inputPaths: { state: "$.detail.state" }, inputTemplate: '{"s": <state>}' } }, event);
 * // '{"s": "RUNNING"}'
 * ```
 */
export function renderInput(
  input: TargetInput | BindsTargetInput | undefined,
  event: unknown,
  options: RenderInputOptions = {},
): string {
  const config = inputOf(input);
  if (config.inputTransformer !== undefined) {
    return renderTemplate(config.inputTransformer.inputTemplate, variables(config, event, options));
  }
  if (config.input !== undefined) return config.input;
  if (config.inputPath !== undefined) {
    const value = evaluatePath(event as Json, config.inputPath);
    return value === undefined ? "" : JSON.stringify(value);
  }
  return JSON.stringify(event);
}

/**
 * The value at a JSON path of an input path or transformer (`$`, then `.field`, `[index]`, `.*`
 * or `[*]` parts), or `undefined` when the event has nothing there. A wildcard collects the
 * values it selects into a list.
 * @throws Error when `path` is not a JSON path EventBridge evaluates
 */
export function evaluatePath(event: unknown, path: string): unknown {
  const parts = path.match(/^\$((?:\.[A-Za-z0-9_/-]+|\.\*|\[\d+\]|\[\*\])*)$/);
  if (!parts) {
    throw new Error(
      `renderInput: '${path}' is not a JSON path EventBridge evaluates; use '$' followed by '.field', '[index]' or '*' parts, e.g. '$.detail.email'.`,
    );
  }
  let values: Json[] = [event as Json];
  let collected = false;
  for (const step of parts[1].match(/\.[A-Za-z0-9_/-]+|\.\*|\[\d+\]|\[\*\]/g) ?? []) {
    const next: Json[] = [];
    for (const value of values) {
      if (step === ".*" || step === "[*]") {
        if (value !== null && typeof value === "object") next.push(...Object.values(value));
      } else if (step.startsWith("[")) {
        const item = Array.isArray(value) ? value[Number(step.slice(1, -1))] : undefined;
        if (item !== undefined) next.push(item);
      } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        const key = step.slice(1);
        if (Object.prototype.hasOwnProperty.call(value, key)) next.push(value[key]);
      }
    }
    collected ||= step === ".*" || step === "[*]";
    values = next;
  }
  if (collected) return values;
  return values.length === 0 ? undefined : values[0];
}

function inputOf(input: TargetInput | BindsTargetInput | undefined): TargetInput {
  if (input === undefined) return {};
  if (typeof (input as BindsTargetInput).bind === "function") return (input as BindsTargetInput).bind();
  return input as TargetInput;
}

/** A variable's value, or `undefined` when its path selects nothing; `raw` marks unescaped JSON. */
interface Variable {
  readonly value: unknown;
  readonly raw?: boolean;
}

function variables(config: TargetInput, event: unknown, options: RenderInputOptions): Map<string, Variable> {
  const envelope = (event !== null && typeof event === "object" ? event : {}) as Record<string, unknown>;
  const ruleName = options.ruleName ?? "example";
  const ruleArn =
    options.ruleArn ?? `arn:aws:events:${String(envelope.region)}:${String(envelope.account)}:rule/${ruleName}`;
  const withoutDetail = Object.fromEntries(Object.entries(envelope).filter(([key]) => key !== "detail"));
  const vars = new Map<string, Variable>();
  for (const [name, path] of Object.entries(config.inputTransformer?.inputPaths ?? {})) {
    vars.set(name, { value: evaluatePath(event, path) });
  }
  vars.set("aws.events.rule-name", { value: ruleName });
  vars.set("aws.events.rule-arn", { value: ruleArn });
  vars.set("aws.events.event.ingestion-time", { value: options.ingestionTime ?? envelope.time });
  vars.set("aws.events.event", { value: withoutDetail, raw: true });
  vars.set("aws.events.event.json", { value: event, raw: true });
  return vars;
}

/** Fills in a template, tracking whether each placeholder sits inside a JSON string. */
function renderTemplate(template: string, vars: ReadonlyMap<string, Variable>): string {
  const jsonTemplate = /^\s*[[{]/.test(template);
  let out = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "<") {
      const name = PLACEHOLDER.exec(template.slice(i))?.[1];
      const variable = name === undefined ? undefined : vars.get(name);
      if (variable !== undefined) {
        out += substitute(variable, jsonTemplate && !inString);
        i += (name as string).length + 1;
        continue;
      }
    } else if (inString && c === "\\" && i + 1 < template.length) {
      out += c + template[++i];
      continue;
    } else if (c === '"') {
      inString = !inString;
    }
    out += c;
  }
  return out;
}

function substitute(variable: Variable, jsonValue: boolean): string {
  const { value } = variable;
  if (value === undefined) return ""; // "that variable isn't created and won't appear in the output"
  if (jsonValue || variable.raw) return JSON.stringify(value);
  if (typeof value === "string") return value; // not escaped
  const json = JSON.stringify(value);
  return value !== null && typeof value === "object" ? json.replace(/"/g, "") : json;
}
