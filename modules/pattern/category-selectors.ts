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
  assertStaxEventSourceGroup,
  categoryEventType,
  staxEventCategory,
  type StaxEventCategory,
  type StaxEventNameOf,
  type StaxEventSourceGroup,
  type StaxEventStatus,
} from "../events";
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
    return this.render(filter);
  }

  /** One event type, e.g. `ofType("UserCreateEvent", { status: "FAILED" })`. */
  public ofType(
    name: StaxEventNameOf<C>,
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "types"> = {},
  ): EventPattern {
    return this.render(withKey("ofType", extra, "types", [name]));
  }

  /** Several event types (sorted into catalogue order). */
  public ofTypes(
    names: readonly StaxEventNameOf<C>[],
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "types"> = {},
  ): EventPattern {
    return this.render(withKey("ofTypes", extra, "types", names));
  }

  /** The events of one or more `staxEventSource` groups, e.g. `inGroup("stax.api")`. */
  public inGroup(
    groups: StaxEventSourceGroup | readonly StaxEventSourceGroup[],
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "groups"> = {},
  ): EventPattern {
    return this.render(withKey("inGroup", extra, "groups", asList(groups)));
  }

  /** The events of the category with one outcome, e.g. `withStatus("FAILED")`. */
  public withStatus(
    status: StaxEventStatus,
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "status"> = {},
  ): EventPattern {
    return this.render(withKey("withStatus", extra, "status", status));
  }

  /** The events of the category for one or more Stax organisations (`detail.meta.organization.id`). */
  public forOrganization(
    ids: string | readonly string[],
    extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "organizationIds"> = {},
  ): EventPattern {
    return this.render(withKey("forOrganization", extra, "organizationIds", asList(ids)));
  }

  /** Any preset of the category by name, further narrowed by `extra`. */
  public preset(name: P, extra: Omit<StaxEventFilter<StaxEventNameOf<C>>, "types"> = {}): EventPattern {
    const preset = Object.prototype.hasOwnProperty.call(this.presets, name) ? this.presets[name] : undefined;
    if (preset === undefined) {
      const valid = Object.keys(this.presets).join(", ");
      throw new Error(`unknown ${this.category} event preset '${String(name)}'. Valid presets: ${valid}.`);
    }
    const narrowed = withKey(name, extra, "types", preset.types);
    return this.render(preset.status === undefined ? narrowed : withKey(name, narrowed, "status", preset.status));
  }

  private render(filter: StaxEventFilter): EventPattern {
    return renderFilter(this.source, this.category, filter);
  }
}

function asList<T>(value: T | readonly T[]): readonly T[] {
  return Array.isArray(value) ? value : [value as T];
}

/** `extra` with `key` set; a JavaScript caller who also put `key` in `extra` is told where it goes. */
function withKey<K extends keyof StaxEventFilter>(
  method: string,
  extra: Omit<StaxEventFilter, K>,
  key: K,
  value: StaxEventFilter[K],
): StaxEventFilter {
  if (extra !== null && typeof extra === "object" && key in extra) {
    throw new Error(`${method}: '${key}' is set by ${method} itself; remove it from the extra filter.`);
  }
  return { ...extra, [key]: value };
}

function renderFilter(source: string, category: string, filter: StaxEventFilter): EventPattern {
  checkFilterKeys(category, filter);
  const types = filter.types === undefined ? undefined : sortedTypes(category, filter.types);
  const groups = filter.groups === undefined ? undefined : sortedGroups(filter.groups);
  if (types !== undefined && groups !== undefined) checkTypesInGroups(category, types, groups);
  const organizationIds = filter.organizationIds === undefined ? undefined : checkedIds(filter.organizationIds);
  if (filter.status !== undefined) checkStatus(filter.status);

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

function checkFilterKeys(category: string, filter: StaxEventFilter): void {
  if (filter === null || typeof filter !== "object" || Array.isArray(filter)) {
    throw new Error(`the ${category} event filter must be an object with keys ${FILTER_KEYS.join(", ")}.`);
  }
  for (const key of Object.keys(filter)) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) {
      throw new Error(`unknown ${category} event filter key '${key}'. Valid keys: ${FILTER_KEYS.join(", ")}.`);
    }
  }
}

function nonEmptyList<T>(key: string, value: readonly T[], what: string): readonly T[] {
  if (!Array.isArray(value)) throw new Error(`${key} must be a list of ${what}, got ${JSON.stringify(value)}.`);
  if (value.length === 0) {
    throw new Error(
      `${key} is an empty list, which would match nothing; pass at least one of ${what}, or leave ${key} out to select all.`,
    );
  }
  return value;
}

function sortedTypes(category: string, types: readonly string[]): string[] {
  nonEmptyList("types", types, `the ${category} event types`).forEach((name) => categoryEventType(category, name));
  return staxEventCategory(category)
    .types.map((t) => t.name)
    .filter((name) => types.includes(name));
}

function sortedGroups(groups: readonly StaxEventSourceGroup[]): StaxEventSourceGroup[] {
  nonEmptyList("groups", groups, `the groups ${STAX_EVENT_SOURCE_GROUPS.join(", ")}`).forEach((group) =>
    assertStaxEventSourceGroup(group),
  );
  return STAX_EVENT_SOURCE_GROUPS.filter((group) => groups.includes(group));
}

function checkTypesInGroups(category: string, types: readonly string[], groups: readonly StaxEventSourceGroup[]): void {
  const sourceOf = (name: string): StaxEventSourceGroup => categoryEventType(category, name).staxEventSource;
  const outside = types.filter((name) => !groups.includes(sourceOf(name)));
  if (outside.length > 0) {
    const listed = outside.map((name) => `${name} (${sourceOf(name)})`).join(", ");
    throw new Error(
      `types ${listed} are outside groups ${groups.join(", ")}, so the pattern would never match them. ` +
        "Remove them from types, or add their groups.",
    );
  }
}

function checkStatus(status: string): void {
  if (!(STAX_EVENT_STATUSES as readonly string[]).includes(status)) {
    throw new Error(`status '${status}' is not valid; use ${STAX_EVENT_STATUSES.map((s) => `'${s}'`).join(" or ")}.`);
  }
}

function checkedIds(ids: readonly string[]): string[] {
  nonEmptyList("organizationIds", ids, "the Stax organisation ids");
  for (const id of ids) {
    if (typeof id !== "string" || id.trim() === "") {
      throw new Error(
        `organization id ${JSON.stringify(id)} is not valid; pass the Stax organisation id (a UUID) as it appears in detail.meta.organization.id.`,
      );
    }
    if (/^o-[a-z0-9]{10,32}$/.test(id)) {
      throw new Error(
        `organization id '${id}' is an AWS Organizations id, but Stax events carry the Stax organisation id (a UUID, detail.meta.organization.id), so the pattern would never match. Pass the Stax organisation id, shown in the Stax console.`,
      );
    }
  }
  return [...new Set(ids)];
}
