import { createHash } from "crypto";
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";

/** Options for {@link physicalName} and {@link localName}. */
export interface PhysicalNameOptions {
  /** Longest name the service accepts. */
  readonly maxLength: number;
  /** Text put in front of the name. @default "" */
  readonly prefix?: string;
  /** Text put after the name, counted within maxLength (e.g. ".fifo"). @default "" */
  readonly suffix?: string;
  /** Characters the service does not allow are replaced by "-". @default /[^A-Za-z0-9_-]/g */
  readonly illegal?: RegExp;
  /** Lower-case the name, splitting camelCase ids with "-" (`SecurityEventArchive` → `security-event-archive`). @default false */
  readonly lowerCase?: boolean;
}

/** Short, stable hash of a string: 8 hex characters of its SHA-256. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/** The ids of the constructs from below the stack down to `scope`. */
function pathBelowStack(scope: Construct): string[] {
  const stack = TerraformStack.of(scope);
  return scope.node.scopes.slice(stack.node.scopes.length).map((s) => s.node.id);
}

/**
 * A deterministic physical name for a resource of a construct: unique per account and region
 * across the stacks of an app (and across apps whose stacks have different names), because it
 * starts with the stack's name, followed by the construct's path below the stack.
 *
 * Names that fit are kept readable (`prefix` + stack name + path, joined by "-"). Names that do
 * not fit keep the start of the stack name and the tail of the path (the most specific part) and
 * end in a hash of the stack name and the whole path, so two constructs never share a name and
 * the same construct always gets the same one. Renaming the stack or a construct id on the path
 * changes the name, and so replaces the resource.
 */
export function physicalName(scope: Construct, options: PhysicalNameOptions): string {
  return fitName([TerraformStack.of(scope).node.id], pathBelowStack(scope), options);
}

/**
 * A deterministic name unique within the stack only (the construct's path below the stack): for
 * identifiers that live in the stack's own configuration (Terraform variables, provider
 * aliases), never for names of AWS resources, which use {@link physicalName}.
 */
export function localName(scope: Construct, options: PhysicalNameOptions): string {
  return fitName([], pathBelowStack(scope), options);
}

/**
 * The `bucket_prefix` of an S3 bucket of a construct: the stack name and the construct path in
 * lower case, at most 37 characters (Terraform's limit) ending in "-". Terraform appends a unique
 * 26-character suffix when it creates the bucket and keeps the name in its state, so the name is
 * globally unique without the account or region being known at synthesis, and it cannot be
 * guessed and taken in advance by someone else.
 */
export function bucketPrefix(scope: Construct): string {
  return `${physicalName(scope, { maxLength: 36, illegal: /[^a-z0-9-]/g, lowerCase: true })}-`;
}

/** Shortest start of the stack name kept when a name is cut, unless the stack name is shorter. */
const MIN_HEAD = 8;

function fitName(stackParts: string[], path: string[], options: PhysicalNameOptions): string {
  const illegal = options.illegal ?? /[^A-Za-z0-9_-]/g;
  const clean = (text: string): string =>
    (options.lowerCase ? text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase() : text).replace(illegal, "-");
  const prefix = options.prefix ?? "";
  const suffix = options.suffix ?? "";
  const room = options.maxLength - suffix.length;
  const readable = clean(prefix + [...stackParts, ...path].join("-"));
  if (readable.length <= room) return readable + suffix;

  const hash = shortHash([...stackParts, ...path].join("/"));
  // Text before the hash: <start of prefix + stack name>-<tail of the path>, then "-<hash>".
  const text = room - hash.length - 1;
  const start = clean(prefix + stackParts.join("-"));
  const tail = clean(path.join("-"));
  if (start.length === 0 || text < 2 * MIN_HEAD)
    return readable.slice(Math.max(0, readable.length - text)) + "-" + hash + suffix;
  const startRoom = Math.min(start.length, Math.max(MIN_HEAD, Math.floor(text / 2)));
  const tailRoom = text - startRoom - 1;
  const front = cutAtWord(start, startRoom, "end");
  const rest = cutAtWord(tail, tailRoom, "start");
  return [front, rest, hash]
    .map(trimDashes)
    .filter((part) => part.length > 0)
    .join("-")
    .concat(suffix);
}

/**
 * The first `length` (cut "end") or last `length` (cut "start") characters of `text`, shortened
 * to the nearest "-" so no word is cut in half, unless that would drop more than half of them.
 */
function cutAtWord(text: string, length: number, cut: "start" | "end"): string {
  if (text.length <= length) return text;
  const piece = cut === "start" ? text.slice(text.length - length) : text.slice(0, length);
  const whole = cut === "start" ? text[text.length - length - 1] === "-" : text[length] === "-";
  if (whole) return piece;
  const at = cut === "start" ? piece.indexOf("-") : piece.lastIndexOf("-");
  if (at < 0) return piece;
  const kept = cut === "start" ? piece.slice(at + 1) : piece.slice(0, at);
  return kept.length * 2 >= piece.length ? kept : piece;
}

function trimDashes(text: string): string {
  return text.replace(/^[-_.]+|[-_.]+$/g, "");
}
