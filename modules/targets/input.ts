import { RuleTargetConfig } from "../rule/target";
import { isUnresolved } from "../private/errors";
import { checkType } from "../private/validation";
import { PREDEFINED_INPUT_VARIABLES } from "../pattern/input";
import { checkJsonPath, resolveFields } from "./event-field";

/** The input fields of a target block. */
export type TargetInputConfig = Pick<RuleTargetConfig, "input" | "inputPath" | "inputTransformer">;

/** Most input paths one input transformer may define. */
export const MAX_INPUT_PATHS = 100;
/** Longest input template EventBridge accepts. */
export const MAX_INPUT_TEMPLATE_LENGTH = 8192;

const VARIABLE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * What a target receives: the whole event (the default), a constant, one part of the event, or
 * a text or object built from event fields (an input transformer; see {@link EventField}).
 */
export abstract class RuleTargetInput {
  /**
   * A JSON value. Constant, unless it holds {@link EventField} placeholders: then it is an input
   * transformer, and each placeholder is filled in from the event.
   */
  public static fromObject(value: unknown): RuleTargetInput {
    return RuleTargetInput.fromJson("RuleTargetInput.fromObject", JSON.stringify(value));
  }

  /**
   * A text (sent as a JSON string). Constant, unless it holds {@link EventField} placeholders:
   * then it is an input transformer, and each placeholder is filled in from the event.
   */
  public static fromText(text: string): RuleTargetInput {
    checkType("RuleTargetInput.fromText", "text", text, "string");
    return RuleTargetInput.fromJson("RuleTargetInput.fromText", JSON.stringify(text));
  }

  /** One part of the event, selected by a JSONPath such as `$.detail`. */
  public static fromEventPath(path: string): RuleTargetInput {
    checkJsonPath("RuleTargetInput.fromEventPath", path);
    return new ConfigInput({ inputPath: path });
  }

  /**
   * An input transformer written by hand: `template` with `<name>` variables and the JSON path of
   * each name. Prefer `fromObject` / `fromText` with `EventField`, which write both for you.
   */
  public static fromTemplate(template: string, inputPaths: { readonly [name: string]: string }): RuleTargetInput {
    checkType("RuleTargetInput.fromTemplate", "template", template, "string");
    checkType("RuleTargetInput.fromTemplate", "inputPaths", inputPaths, "object");
    return transformer("RuleTargetInput.fromTemplate", template, inputPaths);
  }

  private static fromJson(where: string, json: string | undefined): RuleTargetInput {
    if (json === undefined) throw new Error(`${where}: the value is undefined, which is not JSON; pass a value.`);
    const fields = resolveFields(json);
    if (!fields) {
      // A constant input: EventBridge delivers it as it is (no placeholders are read in it).
      if (!isUnresolved(json) && json.length > MAX_INPUT_TEMPLATE_LENGTH)
        throw new Error(
          `${where}: the input is ${json.length} characters as JSON; EventBridge accepts at most ${MAX_INPUT_TEMPLATE_LENGTH}. Send less text, or the event itself.`,
        );
      return new ConfigInput({ input: json });
    }
    // With event fields the text becomes an input template, where EventBridge reads every <name>
    // as a placeholder and has no escape for the angle brackets.
    const literal = /<([A-Za-z0-9_.-]+)>/.exec(json);
    if (literal && !isUnresolved(json))
      throw new Error(
        `${where}: the text '${literal[0]}' would be read by EventBridge as a placeholder, because the input has event fields and so becomes an input template (which has no escape for '<' and '>'). Remove the angle brackets or put a space inside them, or use EventField for a value from the event.`,
      );
    return transformer(where, fields.template, fields.inputPaths);
  }

  /** The input fields for the target block. */
  public abstract bind(): TargetInputConfig;
}

class ConfigInput extends RuleTargetInput {
  constructor(private readonly config: TargetInputConfig) {
    super();
  }
  public bind(): TargetInputConfig {
    return this.config;
  }
}

/** Validates an input transformer (paths, variable names, counts, size) and returns it. */
function transformer(
  where: string,
  template: string,
  inputPaths: { readonly [name: string]: string },
): RuleTargetInput {
  const entries = Object.entries(inputPaths);
  if (entries.length > MAX_INPUT_PATHS) {
    throw new Error(
      `${where}: the input transformer has ${entries.length} input paths; EventBridge allows ${MAX_INPUT_PATHS}. Use fewer event fields, or one parent field such as $.detail.`,
    );
  }
  for (const [name, path] of entries) {
    if (!VARIABLE_NAME.test(name) || name.toLowerCase().startsWith("aws.")) {
      throw new Error(
        `${where}: '${name}' cannot name an input path; use letters, digits, '_' and '-' (names starting 'aws.' are reserved).`,
      );
    }
    if (!isUnresolved(path)) checkJsonPath(where, path);
  }
  if (!isUnresolved(template)) checkTemplate(where, template, Object.keys(inputPaths));
  if (!isUnresolved(template) && (template.length === 0 || template.length > MAX_INPUT_TEMPLATE_LENGTH)) {
    throw new Error(
      `${where}: the input template is ${template.length} characters; EventBridge accepts 1 to ${MAX_INPUT_TEMPLATE_LENGTH}. Send less text, or the event itself.`,
    );
  }
  return new ConfigInput({
    inputTransformer: { inputTemplate: template, inputPaths: entries.length > 0 ? { ...inputPaths } : undefined },
  });
}

const PLACEHOLDER = /<([A-Za-z0-9_.-]+)>/y;

/**
 * Checks a template's placeholders and, for a JSON template (one starting with `{` or `[`), that
 * it is JSON once EventBridge has filled them in: every `<name>` needs an input path (or is a
 * predefined variable), and the filled-in text must parse.
 */
function checkTemplate(where: string, template: string, names: readonly string[]): void {
  const known = new Set<string>([...names, ...PREDEFINED_INPUT_VARIABLES]);
  let filled = "";
  let inString = false;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    PLACEHOLDER.lastIndex = i;
    const placeholder = c === "<" ? PLACEHOLDER.exec(template) : null;
    if (placeholder) {
      if (!known.has(placeholder[1])) {
        throw new Error(
          `${where}: the input template uses <${placeholder[1]}>, which has no input path; EventBridge would refuse it. Add '${placeholder[1]}' to the input paths, or remove the placeholder (input paths: ${names.join(", ") || "none"}).`,
        );
      }
      filled += inString ? "x" : '"x"';
      i += placeholder[0].length - 1;
      continue;
    }
    if (inString && c === "\\" && i + 1 < template.length) {
      filled += c + template[++i];
      continue;
    }
    if (c === '"') inString = !inString;
    filled += c;
  }
  if (!/^\s*[[{]/.test(template)) return;
  try {
    JSON.parse(filled);
  } catch (e) {
    throw new Error(
      `${where}: the input template starts like JSON but is not valid JSON once its placeholders are filled in (${(e as Error).message}); EventBridge would deliver broken JSON. Fix the template: quote placeholders inside text ("Hello <name>"), leave a placeholder that is a whole value unquoted.`,
    );
  }
}
