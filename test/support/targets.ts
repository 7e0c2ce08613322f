/**
 * Helpers for target tests: a stack with a Stax bus and a rule factory, lookups from a target
 * block to the role it names, and an offline renderer of input transformers that follows
 * EventBridge's rules (a variable inside a JSON string inserts the value's text, escaped; outside,
 * its JSON).
 */
import { TerraformStack } from "cdktf";
import { StaxEventBus } from "../../modules/bus";
import { IRuleTarget, StaxEventRule } from "../../modules/rule";
import { parsed, resourcesOf, synthObject, testStack } from "./synth";

/** The account of the test bus. */
export const ACCOUNT = "123456789012";

/** A stack with a Stax bus, and `rule(id, ...targets)` adding a UserCreateEvent rule. */
export function targetSetup(): {
  stack: TerraformStack;
  bus: StaxEventBus;
  rule: (id: string, ...targets: IRuleTarget[]) => StaxEventRule;
} {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "security-events" });
  const rule = (id: string, ...targets: IRuleTarget[]) =>
    new StaxEventRule(stack, id, { bus, eventPattern: bus.securityEvents.ofType("UserCreateEvent"), targets });
  return { stack, bus, rule };
}

/** Synthesizes the stack and returns it with its event targets, in order. */
export function synthTargets(stack: TerraformStack): { synth: Record<string, any>; targets: any[] } {
  const synth = synthObject(stack);
  return { synth, targets: Object.values(resourcesOf(synth, "aws_cloudwatch_event_target")) };
}

/** The role a target block (or any `${aws_iam_role.X.arn}` reference) names: trust policy and inline policies, parsed. */
export function roleOf(synth: Record<string, any>, roleArnRef: string): { trust: any; policies: any[] } {
  const match = /^\$\{aws_iam_role\.([^.]+)\.arn\}$/.exec(roleArnRef);
  if (!match) throw new Error(`'${roleArnRef}' is not a reference to a role's ARN`);
  const role = resourcesOf(synth, "aws_iam_role")[match[1]];
  const policies = Object.values(resourcesOf(synth, "aws_iam_role_policy"))
    .filter((p: any) => p.role === `\${aws_iam_role.${match[1]}.id}`)
    .map((p: any) => parsed(p.policy));
  return { trust: parsed(role.assume_role_policy), policies };
}

/** Asserts a target block has the default retry policy and the shared dead-letter queue. */
export function expectDefaultRetryAndDlq(target: any): void {
  expect(target.retry_policy).toEqual({ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 });
  expect(target.dead_letter_config.arn).toMatch(/StaxTargetDeadLetterQueue/);
}

/** The value at a JSON path (dot and index parts) of an event, or undefined. */
export function valueAt(event: unknown, path: string): unknown {
  const parts = path.replace(/^\$/, "").match(/\.[^.[\]]+|\[\d+\]/g) ?? [];
  let value: any = event;
  for (const part of parts) {
    if (value === undefined || value === null) return undefined;
    value = part.startsWith("[") ? value[Number(part.slice(1, -1))] : value[part.slice(1)];
  }
  return value;
}

/**
 * What EventBridge sends for an input transformer: each `<name>` of the template replaced by the
 * event's value at its path (predefined `aws.events.*` variables from `predefined`). A variable
 * whose path is missing from the event is left out, as EventBridge documents ("that variable
 * isn't created and won't appear in the output").
 */
export function renderTransformer(
  transformer: { input_paths?: Record<string, string>; input_template: string },
  event: unknown,
  predefined: Record<string, string> = {},
): string {
  let out = "";
  let inString = false;
  const template = transformer.input_template;
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (c === "\\" && inString) {
      out += c + template[++i];
      continue;
    }
    if (c === '"') inString = !inString;
    const variable = c === "<" ? /^<([A-Za-z0-9_.-]+)>/.exec(template.slice(i)) : null;
    if (!variable) {
      out += c;
      continue;
    }
    const name = variable[1];
    const path = transformer.input_paths?.[name];
    const value = path !== undefined ? valueAt(event, path) : predefined[name];
    // EventBridge creates no variable for a path missing from the event, and leaves it out of the output.
    const json = value === undefined ? "" : JSON.stringify(value);
    out += inString && typeof value === "string" ? JSON.stringify(value).slice(1, -1) : json;
    i += variable[0].length - 1;
  }
  return out;
}
