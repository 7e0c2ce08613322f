/**
 * Typed selectors for one category of catalogued Stax events, the same code for every category:
 * `SecurityEventSelectors` and `AccountManagementEventSelectors` are this class with their
 * category and presets. Every pattern pins `source` to one partner event source and `detail-type`
 * to the category: to the listed types, or to the `<category>: ` prefix when no type is listed,
 * so no selector ever matches another Stax category or an AWS service event.
 */
import {
  STAX_EVENT_SOURCE_GROUPS,
  STAX_EVENT_STATUSES,
  categoryEventType,
  staxEventCategory,
  type StaxEventCategory,
  type StaxEventNameOf,
  type StaxEventSourceGroup,
  type StaxEventStatus,
} from "../events";
import { checkEnum, checkKeys, checkList, didYouMean, raiseAt, within } from "../private/messages";
import { Match } from "./match";
import type { StaxEventPreset } from "./presets";
import type { EventPattern } from "./types";

/** What to select among the events of one category. Every key given narrows the selection further. */
export interface StaxEventFilter<N extends string = string> {
  /** Event types to select, by name. @default - every event type of the category, including future ones */
  readonly types?: readonly N[];
  /** `detail.staxEventSource` groups to select. @default - every group */
  readonly groups?: readonly StaxEventSourceGroup[];
  /**
   * Outcome to select (`detail.status`). Some events may omit `status` (e.g. authentication
   * events); such events never match a status filter.
   * @default - any outcome, and events without a status
   */
  readonly status?: StaxEventStatus;
  /** Stax organisation ids to select (`detail.meta.organization.id`). @default - every organisation */
  readonly organizationIds?: readonly string[];
}

const FILTER_KEYS: readonly (keyof StaxEventFilter)[] = ["types", "groups", "status", "organizationIds"];
/** How messages name the selectors of a category: `bus.securityEvents`, `bus.accountEvents`. */
const LABELS: { readonly [category: string]: string } = {
  Security: "securityEvents",
  AccountManagement: "accountEvents",
};
const STAX_SOURCE = /^aws\.partner\/stax\.io\/\d{12}\/[.\-_A-Za-z0-9]{1,200}$/;

/**
 * Whether `source` has the form of a Stax partner event source,
 * `aws.partner/stax.io/<12-digit account id>/<name>`.
 */
export function isStaxPartnerEventSource(source: string): boolean {
  return STAX_SOURCE.test(source);
}

/**
 * Throws unless `source` is a Stax partner event source; a value containing `${` (an unresolved
 * cdktf token or Terraform expression) is not checked.
 */
export function checkStaxPartnerEventSource(source: string): string {
  if (typeof source !== "string" || (!source.includes("${") && !isStaxPartnerEventSource(source))) {
    throw new Error(
      `Stax partner event source '${String(source)}' is not valid; expected ` +
        "'aws.partner/stax.io/<12-digit account id>/<name>', e.g. 'aws.partner/stax.io/123456789012/default'.",
    );
  }
  return source;
}

/**
 * Builds event patterns for the events of one category `C` from one Stax partner event source;
 * `P` names the category's presets.
 */
export class StaxEventCategorySelectors<C extends StaxEventCategory, P extends string> {
  /** The partner event source every pattern is pinned to. */
  public readonly source: string;
  /** The category every pattern is pinned to, e.g. `Security`. */
  public readonly category: C;
  /** The category's presets, by name. */
  public readonly presets: { readonly [K in P]: StaxEventPreset<StaxEventNameOf<C>> };

  /** @throws Error when `source` is not a Stax partner source or `category` is not catalogued. */
  constructor(source: string, category: C, presets: { readonly [K in P]: StaxEventPreset<StaxEventNameOf<C>> }) {
    this.source = checkStaxPartnerEventSource(source);
    staxEventCategory(category);
    this.category = category;
    this.presets = presets;
  }

  /**
   * The general selector: every key of `filter` narrows the selection; an empty filter selects
   * every event of the category, including types the catalogue does not list yet.
   * @throws Error on an unknown type, group or status, an empty list, or types outside `groups`.
   */
  public select(filter: StaxEventFilter<StaxEventNameOf<C>> = {}): EventPattern {
    return this.render("select", filter);
  }

  /** One event type, e.g. `ofType("UserCreateEvent", { status: "FAILED" })`. */
  public ofType(
    name: StaxEventNameOf<C>,
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "types"> = {},
  ): EventPattern {
    return this.render("ofType", withKey(this.where("ofType"), extra, "types", [name]));
  }

  /** Several event types (sorted into catalogue order). */
  public ofTypes(
    names: readonly StaxEventNameOf<C>[],
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "types"> = {},
  ): EventPattern {
    return this.render("ofTypes", withKey(this.where("ofTypes"), extra, "types", names));
  }

  /** The events of one or more `staxEventSource` groups, e.g. `inGroup("stax.api")`. */
  public inGroup(
    groups: StaxEventSourceGroup | readonly StaxEventSourceGroup[],
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "groups"> = {},
  ): EventPattern {
    return this.render("inGroup", withKey(this.where("inGroup"), extra, "groups", asList(groups)));
  }

  /** The events of the category with one outcome, e.g. `withStatus("FAILED")`. */
  public withStatus(
    status: StaxEventStatus,
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "status"> = {},
  ): EventPattern {
    return this.render("withStatus", withKey(this.where("withStatus"), extra, "status", status));
  }

  /** The events of the category for one or more Stax organisations (`detail.meta.organization.id`). */
  public forOrganization(
    ids: string | readonly string[],
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "organizationIds"> = {},
  ): EventPattern {
    return this.render(
      "forOrganization",
      withKey(this.where("forOrganization"), extra, "organizationIds", asList(ids)),
    );
  }

  /** Any preset of the category by name, further narrowed by `extra`. */
  public preset(name: P, extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "types"> = {}): EventPattern {
    const preset = Object.prototype.hasOwnProperty.call(this.presets, name) ? this.presets[name] : undefined;
    if (preset === undefined) {
      const valid = Object.keys(this.presets);
      raiseAt(
        this.where("preset"),
        `preset '${String(name)}' is not valid${didYouMean(String(name), valid)} Valid presets: ${valid.join(", ")}.`,
      );
    }
    const where = this.where(String(name));
    const narrowed = withKey(where, extra, "types", preset.types);
    return this.render(
      String(name),
      preset.status === undefined ? narrowed : withKey(where, narrowed, "status", preset.status),
    );
  }

  /** How messages name a selector method: `securityEvents.failedLogins`. */
  private where(method: string): string {
    return `${LABELS[this.category] ?? `${this.category} selectors`}.${method}`;
  }

  private render(method: string, filter: StaxEventFilter): EventPattern {
    const where = this.where(method);
    return within(where, () => renderFilter(where, this.source, this.category, filter));
  }
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? value : [value as T];
}

/** `extra` with `key` set; a JavaScript caller who also put `key` in `extra` is told where it goes. */
function withKey<K extends keyof StaxEventFilter>(
  where: string,
  extra: Omit<StaxEventFilter, K>,
  key: K,
  value: StaxEventFilter[K],
): StaxEventFilter {
  checkKeys(where, "filter", extra, FILTER_KEYS);
  if (extra !== undefined && key in extra) {
    raiseAt(where, `'${key}' is set by the selector itself; remove it from the filter.`);
  }
  return { ...extra, [key]: value };
}

function renderFilter(where: string, source: string, category: string, filter: StaxEventFilter): EventPattern {
  checkKeys(where, "filter", filter, FILTER_KEYS);
  const types = filter.types === undefined ? undefined : sortedTypes(where, category, filter.types);
  const groups = filter.groups === undefined ? undefined : sortedGroups(where, filter.groups);
  if (types !== undefined && groups !== undefined) checkTypesInGroups(where, category, types, groups);
  const organizationIds = filter.organizationIds === undefined ? undefined : checkedIds(where, filter.organizationIds);
  if (filter.status !== undefined) checkEnum(where, "status", filter.status, STAX_EVENT_STATUSES);

  const detail: Record<string, EventPattern[string]> = {};
  if (filter.status !== undefined) detail.status = [filter.status];
  if (groups !== undefined) detail.staxEventSource = groups;
  if (organizationIds !== undefined) detail.meta = { organization: { id: organizationIds } };

  return {
    source: [source],
    "detail-type":
      types === undefined
        ? [Match.prefix(`${category}: `)]
        : types.map((name) => categoryEventType(category, name).detailType),
    ...(Object.keys(detail).length > 0 ? { detail } : {}),
  };
}

function sortedTypes(where: string, category: string, types: readonly string[]): string[] {
  const names = staxEventCategory(category).types.map((t) => t.name);
  const empty = `pass at least one of the ${category} event types, or leave types out to select all`;
  checkList<string>(where, "types", types, empty).forEach((name, i) => {
    if (typeof name === "string" && name.startsWith(`${category}: `) && names.includes(name.slice(category.length + 2)))
      raiseAt(
        where,
        `types[${i}] '${name}' is a detail-type; pass the event name '${name.slice(category.length + 2)}'.`,
      );
    checkEnum(where, `types[${i}]`, name, names);
  });
  return names.filter((name) => types.includes(name));
}

function sortedGroups(where: string, groups: readonly StaxEventSourceGroup[]): StaxEventSourceGroup[] {
  const empty = "pass at least one group, or leave groups out to select all";
  checkList<string>(where, "groups", groups, empty).forEach((group, i) =>
    checkEnum(where, `groups[${i}]`, group, STAX_EVENT_SOURCE_GROUPS),
  );
  return STAX_EVENT_SOURCE_GROUPS.filter((group) => groups.includes(group));
}

function checkTypesInGroups(
  where: string,
  category: string,
  types: readonly string[],
  groups: readonly StaxEventSourceGroup[],
): void {
  const sourceOf = (name: string): StaxEventSourceGroup => categoryEventType(category, name).staxEventSource;
  const outside = types.filter((name) => !groups.includes(sourceOf(name)));
  if (outside.length > 0) {
    const listed = outside.map((name) => `${name} (${sourceOf(name)})`).join(", ");
    raiseAt(
      where,
      `types ${listed} are outside groups ${groups.join(", ")}, so the pattern would never match them. ` +
        "Remove them from types, or add their groups.",
    );
  }
}

function checkedIds(where: string, ids: readonly string[]): string[] {
  const list = checkList<string>(
    where,
    "organizationIds",
    ids,
    "pass at least one Stax organisation id, or leave organizationIds out to select all",
  );
  list.forEach((id, i) => {
    if (typeof id === "number") raiseAt(where, `organizationIds[${i}] is a number; quote it: '${id}'.`);
    if (typeof id !== "string" || id.trim() === "") {
      raiseAt(
        where,
        `organizationIds[${i}] ${JSON.stringify(id)} is not valid; pass the Stax organisation id (a UUID) as it appears in detail.meta.organization.id.`,
      );
    }
    if (/^o-[a-z0-9]{10,32}$/.test(id)) {
      raiseAt(
        where,
        `organization id '${id}' is an AWS Organizations id, but Stax events carry the Stax organisation id (a UUID, detail.meta.organization.id), so the pattern would never match. Pass the Stax organisation id, shown in the Stax console.`,
      );
    }
  });
  return [...new Set(list)];
}
