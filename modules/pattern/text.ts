/**
 * String matching as EventBridge does it: wildcards with `\` escapes, and equals-ignore-case, where
 * each pattern character matches exactly its lower-case or its upper-case form.
 */
import { issue, type Issue } from "./errors";

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

/** Why a wildcard pattern is invalid (`**`, or a `\` escaping anything but `*` or `\`); `undefined` if valid. */
export function wildcardIssue(text: string): Issue | undefined {
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "*" && text[i + 1] === "*") {
      return issue([], `${JSON.stringify(text)} has consecutive "*" at position ${i}`, `use a single "*"`);
    }
    if (ch === "\\") {
      const next = text[i + 1];
      if (next === "*" || next === "\\") {
        i++;
        continue;
      }
      return issue(
        [],
        `${JSON.stringify(text)} has an invalid escape at position ${i}`,
        `a backslash may only escape "*" or another backslash; write two backslashes (\\\\) for a literal backslash`,
      );
    }
  }
  return undefined;
}

/** The anchored regular expression for a valid wildcard pattern (`*` matches any run of characters). */
export function wildcardRegExp(text: string): RegExp {
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "*") source += "[\\s\\S]*";
    else if (ch === "\\") source += escapeRegExp(text[++i]);
    else source += escapeRegExp(ch);
  }
  return new RegExp(`^${source}$`);
}

/**
 * Regular-expression source matching `text` ignoring case: every UTF-16 character matches its
 * lower-case or its upper-case form (which may be longer, e.g. `ß` or `SS`), nothing else.
 *
 * As in event-ruler, each half of a surrogate pair (emoji and other characters beyond U+FFFF) is
 * case-mapped on its own and so stands for a literal "?": such characters never match themselves.
 */
function ignoreCaseSource(text: string): string {
  let source = "";
  for (const ch of text.split("")) {
    if (ch >= "\uD800" && ch <= "\uDFFF") {
      source += "\\?";
      continue;
    }
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    source += lower === upper ? escapeRegExp(lower) : `(?:${escapeRegExp(lower)}|${escapeRegExp(upper)})`;
  }
  return source;
}

/** Where an ignore-case comparison is anchored. */
export type IgnoreCaseMode = "equals" | "prefix" | "suffix";

/** The regular expression for an equals-ignore-case (or prefix/suffix equals-ignore-case) match. */
export function ignoreCaseRegExp(text: string, mode: IgnoreCaseMode): RegExp {
  const source = ignoreCaseSource(text);
  if (mode === "prefix") return new RegExp(`^${source}`);
  if (mode === "suffix") return new RegExp(`${source}$`);
  return new RegExp(`^${source}$`);
}
