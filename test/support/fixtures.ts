/**
 * The sample events of the Stax Security events schema (seed 003), one JSON file per type under
 * `test/fixtures/security-events/`, with the seed's placeholder values replaced by realistic ones.
 * Every accessor returns a fresh copy, so a test may modify what it gets.
 */
import { readFileSync } from "fs";
import { join } from "path";
import {
  SECURITY_EVENT_NAMES,
  securityEventType,
  type SecurityEventName,
  type StaxSecurityEvent,
} from "../../modules/events";

const FIXTURES = join(__dirname, "..", "fixtures", "security-events");

/** The partner event source every sample comes from. */
export const SAMPLE_SOURCE = "aws.partner/stax.io/123456789012/default";

/** The Stax organisation id every sample carries in `detail.meta.organization.id`. */
export const SAMPLE_ORGANIZATION_ID = "e87cb45c-05ad-489d-a890-4ea398345c24";

/** The sample event of one Security event type. */
export function sampleEvent<N extends SecurityEventName>(name: N): StaxSecurityEvent<N> {
  securityEventType(name); // fail clearly on an unknown name
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as StaxSecurityEvent<N>;
}

/** The sample events of all 20 Security event types, in catalogue order. */
export function allSampleEvents(): StaxSecurityEvent[] {
  return SECURITY_EVENT_NAMES.map((name) => sampleEvent(name));
}
