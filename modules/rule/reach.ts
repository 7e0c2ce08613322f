import { Construct } from "constructs";
import { Annotations } from "cdktf";
import { PatternError } from "../pattern/errors";
import { checkInputPathCatalogue, checkPatternCatalogue, type CatalogueFinding } from "../pattern/catalogue-reach";
import { acceptsSource, checkEnvelopeKeys, namedSources, topLevelAlternatives } from "../pattern/reach";
import type { StaxDetailType } from "../events/catalogue";
import { STAX_EVENT_CATEGORY_NAMES } from "../events/catalogue";
import type { EventPattern } from "../pattern/types";
import { fail, isUnresolved } from "../private/errors";

/** What the reach checks need to know about the bus a pattern runs on. */
export interface PatternBus {
  /** Name of the bus (`default` for the default bus). */
  readonly eventBusName: string;
  /** The partner event source whose events arrive on the bus, when it is a partner bus. @default - not a partner bus */
  readonly partnerEventSourceName?: string;
}

const PARTNER = "aws.partner/";
const STAX = "aws.partner/stax.io/";

/**
 * Fails when `pattern` can never match an event on `bus`: a top-level key that is not an envelope
 * field, a `source` other than the partner source of a partner bus (another bus's selectors, AWS
 * service presets), or partner sources on the `default` bus. Warns when Stax selectors are put on
 * another bus that receives Stax events only if something forwards them there.
 */
export function checkPatternReach(
  scope: Construct,
  bus: PatternBus,
  pattern: EventPattern,
  prop = "eventPattern",
): void {
  try {
    checkEnvelopeKeys(prop, pattern);
  } catch (e) {
    if (e instanceof PatternError) fail(scope, e.message);
    throw e;
  }
  const partner = bus.partnerEventSourceName;
  if (partner !== undefined && !isUnresolved(partner)) {
    if (!acceptsSource(pattern, partner)) fail(scope, partnerBusMessage(prop, partner, namedSources(pattern)));
    return;
  }
  const staxTypes = onlyStaxDetailTypes(pattern);
  if (bus.eventBusName === "default" && staxTypes.length > 0) {
    fail(
      scope,
      `${prop} selects Stax events (detail-type '${[...new Set(staxTypes)].join("', '")}'), but the rule is on the default bus, where Stax partner events never arrive (EventBridge delivers them only to the partner event bus). Put the rule on the partner bus (StaxEventBus), and build the pattern with its selectors (bus.staxEvents).`,
    );
  }
  if (!onlyPartnerSources(pattern)) return;
  const sources = namedSources(pattern).join("', '");
  if (bus.eventBusName === "default") {
    fail(
      scope,
      `${prop} selects source '${sources}', a partner event source, but the rule is on the default bus, where partner events never arrive (EventBridge delivers them only to the partner event bus). Put the rule on the partner bus (StaxEventBus), and build the pattern with its selectors (bus.securityEvents).`,
    );
  }
  if (namedSources(pattern).some((s) => s.startsWith(STAX))) {
    Annotations.of(scope).addWarning(
      `${prop} selects Stax events (source '${sources}') on a bus that is not a Stax partner bus${isUnresolved(bus.eventBusName) ? "" : ` ('${bus.eventBusName}')`}: they arrive there only if a rule forwards them from the partner bus. Put the rule on the StaxEventBus unless you forward them.`,
    );
  }
}

function onlyPartnerSources(pattern: EventPattern): boolean {
  return topLevelAlternatives(pattern).every(
    (alternative) =>
      Array.isArray(alternative.source) &&
      alternative.source.length > 0 &&
      alternative.source.every(
        (value) => typeof value === "string" && value.startsWith(PARTNER) && !isUnresolved(value),
      ),
  );
}

function partnerBusMessage(prop: string, partner: string, sources: readonly string[]): string {
  const named = sources.length > 0 ? `source '${sources.join("', '")}'` : "a source";
  const serviceSources = sources.filter((s) => s.startsWith("aws.") && !s.startsWith(PARTNER));
  const head = `${prop} selects ${named}, but every event on this bus has the source '${partner}' (its partner event source), so the rule never matches.`;
  if (serviceSources.length > 0 && serviceSources.length === sources.length) {
    return `${head} AWS service events arrive only on the default bus of each region: put this rule on the default bus, or forward them to a SecurityEventCollector (ServiceEventForwarder) and put it there.`;
  }
  if (sources.some((s) => s.startsWith(STAX))) {
    return `${head} The pattern was built for another partner source (another bus's or tenancy's selectors): build it with this bus's selectors (bus.securityEvents), or put the rule on the bus of '${sources.find((s) => s.startsWith(STAX))}'.`;
  }
  return `${head} Select '${partner}', e.g. with bus.securityEvents, or remove the source test.`;
}

/** Whether a rule with `pattern` on `bus` sees Stax events: a Stax partner bus, or Stax sources only. */
function forStaxEvents(bus: PatternBus, pattern: EventPattern): boolean {
  const partner = bus.partnerEventSourceName;
  if (partner !== undefined) return partner.startsWith(STAX);
  return onlyPartnerSources(pattern) && namedSources(pattern).every((s) => s.startsWith(STAX));
}

const OPT_OUT = "allowUncatalogued";

/**
 * Reports a catalogue finding: an error, or a warning for a likely future detail-type; with
 * `allowUncatalogued`, errors become warnings and future types are not reported.
 */
function reportFinding(
  scope: Construct,
  location: string,
  finding: CatalogueFinding,
  allowUncatalogued: boolean,
): void {
  if (finding.kind === "future" && allowUncatalogued) return;
  const sentence = (text: string): string => (/[.?]$/.test(text) ? text : `${text}.`);
  const hint =
    finding.kind === "uncatalogued" && !allowUncatalogued
      ? ` If Stax sends it and the catalogue does not know it yet, set ${OPT_OUT}: true.`
      : "";
  const message = `${location}: ${finding.problem}; ${sentence(finding.fix)}${hint}`;
  if (finding.kind === "future" || allowUncatalogued) {
    Annotations.of(scope).addWarning(
      allowUncatalogued ? `${message} (${OPT_OUT} is set, so this is a warning)` : message,
    );
    return;
  }
  fail(scope, message);
}

/**
 * Checks a pattern for Stax events against the catalogue (detail-types, `detail` fields, their
 * values and JSON types) and returns the detail-types it selects when they are all catalogued
 * literals, for the input-path check of its targets. Patterns for other events are not checked.
 */
export function checkPatternCatalogueReach(
  scope: Construct,
  bus: PatternBus,
  pattern: EventPattern,
  allowUncatalogued: boolean,
  prop = "eventPattern",
): readonly StaxDetailType[] | undefined {
  if (!forStaxEvents(bus, pattern)) return undefined;
  const { findings, detailTypes } = checkPatternCatalogue(pattern);
  for (const finding of findings) reportFinding(scope, `${prop}.${finding.where}`, finding, allowUncatalogued);
  return detailTypes;
}

/**
 * Checks the input paths of a target (its input transformer's paths, or its input path) against
 * the fields of the rule's detail-types; unresolved paths are not checked.
 */
export function checkInputPathsReach(
  scope: Construct,
  targetId: string,
  paths: readonly unknown[],
  detailTypes: readonly StaxDetailType[],
  allowUncatalogued: boolean,
): void {
  for (const path of paths) {
    if (typeof path !== "string" || isUnresolved(path)) continue;
    const finding = checkInputPathCatalogue(path, detailTypes);
    if (finding) reportFinding(scope, `${targetId} input path '${path}'`, finding, allowUncatalogued);
  }
}

const STAX_DETAIL_TYPE = new RegExp(`^(${STAX_EVENT_CATEGORY_NAMES.join("|")}): `);

/** The Stax detail-types a pattern selects when every alternative selects only them and no source. */
function onlyStaxDetailTypes(pattern: EventPattern): readonly string[] {
  const named: string[] = [];
  for (const alternative of topLevelAlternatives(pattern)) {
    const types = alternative["detail-type"];
    if (alternative.source !== undefined || !Array.isArray(types) || types.length === 0) return [];
    for (const type of types) {
      if (typeof type !== "string" || !STAX_DETAIL_TYPE.test(type)) return [];
      named.push(type);
    }
  }
  return named;
}
