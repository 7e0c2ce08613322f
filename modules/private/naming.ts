import { createHash } from "crypto";
import { Construct } from "constructs";
import { TerraformStack } from "cdktf";

/** Options for {@link physicalName}. */
export interface PhysicalNameOptions {
  /** Longest name the service accepts. */
  readonly maxLength: number;
  /** Text put in front of the name. @default "" */
  readonly prefix?: string;
  /** Text put after the name, counted within maxLength (e.g. ".fifo"). @default "" */
  readonly suffix?: string;
  /** Characters the service does not allow are replaced by "-". @default /[^A-Za-z0-9_-]/g */
  readonly illegal?: RegExp;
}

/** Short, stable hash of a string: 8 hex characters of its SHA-256. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 8);
}

/**
 * A deterministic physical name for a construct, derived from its path below the stack.
 *
 * Names that fit are kept readable (`prefix` + path joined by "-"). Names that do not fit keep
 * the tail of the path (the most specific part) and end in a hash of the whole path, so two
 * constructs never share a name and the same construct always gets the same one.
 */
export function physicalName(scope: Construct, options: PhysicalNameOptions): string {
  const stack = TerraformStack.of(scope);
  const parts = scope.node.scopes.slice(stack.node.scopes.length).map((s) => s.node.id);
  const illegal = options.illegal ?? /[^A-Za-z0-9_-]/g;
  const prefix = options.prefix ?? "";
  const suffix = options.suffix ?? "";
  const readable = (prefix + parts.join("-")).replace(illegal, "-");
  const room = options.maxLength - suffix.length;
  if (readable.length <= room) return readable + suffix;
  const hash = shortHash(parts.join("/"));
  return readable.slice(Math.max(0, readable.length - (room - hash.length - 1))) + "-" + hash + suffix;
}
