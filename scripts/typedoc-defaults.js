/**
 * TypeDoc plugin: renders every `@default` the same way, as one line. The sources write either a
 * value (`@default 365`, `@default "POST"`, `@default { retentionDays: 30 }`), which TypeDoc alone
 * renders as a code block, or, after `- `, a description (`@default - the stack's default
 * provider`), which it renders as a bullet list. Values become inline code, descriptions text.
 */
const { Converter } = require("typedoc");

/** @param {import("typedoc").Application} app */
exports.load = function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of Object.values(context.project.reflections)) {
      for (const tag of reflection.comment?.blockTags ?? []) {
        if (tag.tag !== "@default" || tag.content.length === 0) continue;
        const [first, ...rest] = tag.content;
        const fenced = first.kind === "code" && rest.length === 0 && /^```\w*\n([\s\S]*?)\n?```$/.exec(first.text);
        const value = fenced && fenced[1].trim().replace(/\s+/g, " ");
        if (value && value.startsWith("- ")) {
          tag.content = [{ kind: "text", text: value.slice(2) }];
        } else if (value) {
          tag.content = [{ kind: "code", text: `\`${value}\`` }];
        } else if (first.kind === "text" && first.text.startsWith("- ")) {
          tag.content = [{ ...first, text: first.text.slice(2) }, ...rest];
        }
      }
    }
  });
};
