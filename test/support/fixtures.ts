/**
 * Sample events of the catalogue, one JSON file per event type under
 * `test/fixtures/<category>-events/` (the Security samples of the schema seed, and the
 * AccountManagement samples of Stax's Account Management Events Schema, with placeholder values
 * replaced by realistic ones), plus `test/fixtures/event-variants/`: real-shaped events using the
 * freedom Stax's common schema gives (no `meta.user`, `email` without `username`, only the
 * required names, no `meta.aws`). Every accessor returns a fresh copy, so a test may modify it.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import {
  STAX_DETAIL_TYPES,
  SECURITY_EVENT_NAMES,
  securityEventType,
  staxEventType,
  type StaxDetailType,
  type StaxEvent,
  type SecurityEventName,
  type StaxSecurityEvent,
  type UnknownStaxEvent,
} from "../../modules/events";

const FIXTURES = join(__dirname, "..", "fixtures");

/** The fixture folder of each category. */
const CATEGORY_FOLDERS: { readonly [category: string]: string } = {
  Security: "security-events",
  AccountManagement: "account-management-events",
};

/** The partner event source every sample comes from. */
export const SAMPLE_SOURCE = "aws.partner/stax.io/123456789012/default";

/** The Stax organisation id every sample carries in `detail.meta.organization.id`. */
export const SAMPLE_ORGANIZATION_ID = "e87cb45c-05ad-489d-a890-4ea398345c24";

/** The sample event of one catalogued type, by detail-type. */
export function sampleStaxEvent<D extends StaxDetailType>(detailType: D): StaxEvent<D> {
  const spec = staxEventType(detailType); // fail clearly on an unknown detail-type
  const file = join(FIXTURES, CATEGORY_FOLDERS[spec.staxEventType], `${spec.name}.json`);
  return JSON.parse(readFileSync(file, "utf8")) as StaxEvent<D>;
}

/** The sample event of one Security event type. */
export function sampleEvent<N extends SecurityEventName>(name: N): StaxSecurityEvent<N> {
  return sampleStaxEvent(securityEventType(name).detailType) as StaxSecurityEvent<N>;
}

/** The sample events of all 20 Security event types, in catalogue order. */
export function allSampleEvents(): StaxSecurityEvent[] {
  return SECURITY_EVENT_NAMES.map((name) => sampleEvent(name));
}

/** The sample events of every catalogued type of every category, in catalogue order. */
export function allStaxSampleEvents(): StaxEvent[] {
  return STAX_DETAIL_TYPES.map((type) => sampleStaxEvent(type));
}

/** The variant events, by file name without `.json` (e.g. `no-user`), in file-name order. */
export function variantEvents(): [label: string, event: StaxEvent][] {
  const dir = join(FIXTURES, "event-variants");
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort()
    .map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(join(dir, file), "utf8")) as StaxEvent]);
}

/**
 * An event of a type the catalogue does not list, shaped like Stax's events, for
 * forward-compatibility tests: e.g. `uncataloguedEvent("Security", "UserMfaResetEvent")` for a
 * Security type Stax might add, `uncataloguedEvent("ServiceConfiguration", "…")` for a category.
 */
export function uncataloguedEvent(category: string, name: string, source = SAMPLE_SOURCE): UnknownStaxEvent {
  const base = sampleStaxEvent("AccountManagement: AccountCreateEvent");
  return {
    ...base,
    source,
    "detail-type": `${category}: ${name}`,
    detail: { ...base.detail, staxEventType: category, staxEventName: name, status: "FAILED" },
  };
}
