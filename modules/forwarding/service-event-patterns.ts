/**
 * Event patterns for AWS service events on the `default` buses, so that only what a security team
 * needs crosses regions and accounts. Plain TypeScript: no cdktf import, usable from Lambda code.
 * Event shapes follow the EventBridge events reference
 * (https://docs.aws.amazon.com/eventbridge/latest/ref/events.html).
 */
import { checkEnum, checkKeys, checkList, checkUnique, jsonKind, raiseAt } from "../private/messages";
import { Match } from "../pattern/match";
import { matches } from "../pattern/matcher";
import type { EventPattern, FieldMatcher } from "../pattern/types";

/** GuardDuty severity bands (the lower bound of each: Low 1.0, Medium 4.0, High 7.0, Critical 9.0). */
export type GuardDutySeverity = "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

/** Security Hub (ASFF) severity labels. */
export type SecurityHubSeverityLabel = "INFORMATIONAL" | "LOW" | "MEDIUM" | "HIGH" | "CRITICAL";

/** Status of an IAM Access Analyzer finding. */
export type AccessAnalyzerFindingStatus = "ACTIVE" | "ARCHIVED" | "RESOLVED";

const GUARDDUTY_BANDS: { readonly [S in GuardDutySeverity]: number } = { LOW: 1, MEDIUM: 4, HIGH: 7, CRITICAL: 9 };
const SECURITY_HUB_LABELS: readonly SecurityHubSeverityLabel[] = ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"];
const ACCESS_ANALYZER_STATUSES: readonly AccessAnalyzerFindingStatus[] = ["ACTIVE", "ARCHIVED", "RESOLVED"];

/**
 * Event sources of global services: their events reach EventBridge only in us-east-1
 * (IAM, STS global endpoint, console sign-in, Organizations, CloudFront, Route 53).
 */
export const GLOBAL_SERVICE_EVENT_SOURCES: readonly string[] = [
  "aws.iam",
  "aws.sts",
  "aws.signin",
  "aws.organizations",
  "aws.cloudfront",
  "aws.route53",
];

/** detail-type of CloudTrail API call events. */
export const CLOUDTRAIL_API_CALL = "AWS API Call via CloudTrail";
/** detail-type of console sign-in events. */
export const CONSOLE_SIGN_IN = "AWS Console Sign In via CloudTrail";

/**
 * Presets for AWS service events. Each returns a fresh `EventPattern`; combine them with
 * `ServiceEventPatterns.anyOf(...)` (or `Match.or`) and refine them with the `Match` helpers.
 *
 * @example
 * ServiceEventPatterns.anyOf(
 *   ServiceEventPatterns.guardDutyFindings({ minSeverity: "HIGH" }),
 *   ServiceEventPatterns.securityHubFindings({ severityLabels: ["CRITICAL"] }),
 *   ServiceEventPatterns.consoleSignInFailures(),
 * )
 */
export class ServiceEventPatterns {
  /**
   * Every AWS service event (source starting with `aws.`). On a `default` bus that is everything
   * AWS sends; expect high volume and cost when forwarding it.
   */
  public static allServiceEvents(): EventPattern {
    return { source: [Match.prefix("aws.")] };
  }

  /**
   * GuardDuty findings at or above a severity (`detail.severity`, a number from 1.0 to 10.0).
   * @param options.minSeverity a band (`"HIGH"` = 7.0 and above) or a number; @default "HIGH"
   */
  public static guardDutyFindings(options: { readonly minSeverity?: GuardDutySeverity | number } = {}): EventPattern {
    const where = "ServiceEventPatterns.guardDutyFindings";
    checkKeys(where, "options", options, ["minSeverity"]);
    const min = options.minSeverity ?? "HIGH";
    if (typeof min !== "number") checkEnum(where, "minSeverity", min, Object.keys(GUARDDUTY_BANDS));
    const threshold = typeof min === "number" ? min : GUARDDUTY_BANDS[min];
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 10) {
      raiseAt(
        where,
        `minSeverity ${threshold} is not a GuardDuty severity; pass "LOW", "MEDIUM", "HIGH", "CRITICAL" or a number from 0 to 10.`,
      );
    }
    return {
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [Match.greaterThanOrEqual(threshold)] },
    };
  }

  /**
   * Security Hub findings with one of the severity labels (`detail.findings.Severity.Label`).
   * @param options.severityLabels labels to forward; @default ["HIGH", "CRITICAL"]
   */
  public static securityHubFindings(
    options: { readonly severityLabels?: readonly SecurityHubSeverityLabel[] } = {},
  ): EventPattern {
    const where = "ServiceEventPatterns.securityHubFindings";
    checkKeys(where, "options", options, ["severityLabels"]);
    const labels = options.severityLabels ?? ["HIGH", "CRITICAL"];
    checkList(where, "severityLabels", labels, 'pass e.g. ["HIGH", "CRITICAL"], or leave it out for those two');
    labels.forEach((label, i) => checkEnum(where, `severityLabels[${i}]`, label, SECURITY_HUB_LABELS));
    checkUnique(where, "severityLabels", labels);
    return {
      source: ["aws.securityhub"],
      "detail-type": ["Security Hub Findings - Imported"],
      detail: { findings: { Severity: { Label: [...labels] } } },
    };
  }

  /**
   * IAM Access Analyzer findings (external access; with `includeUnusedAccess`, unused-access findings too).
   * @param options.statuses finding statuses to forward (`detail.status`); @default - every status
   * @param options.includeUnusedAccess also forward "Unused Access Finding for IAM entities"; @default false
   */
  public static accessAnalyzerFindings(
    options: {
      readonly statuses?: readonly AccessAnalyzerFindingStatus[];
      readonly includeUnusedAccess?: boolean;
    } = {},
  ): EventPattern {
    const where = "ServiceEventPatterns.accessAnalyzerFindings";
    checkKeys(where, "options", options, ["statuses", "includeUnusedAccess"]);
    if (options.includeUnusedAccess !== undefined && typeof options.includeUnusedAccess !== "boolean")
      raiseAt(
        where,
        `includeUnusedAccess is ${JSON.stringify(options.includeUnusedAccess)}; pass true or false without quotes.`,
      );
    if (options.statuses !== undefined) {
      checkList(where, "statuses", options.statuses, 'leave it out for every status, or pass e.g. ["ACTIVE"]');
      options.statuses.forEach((status, i) => checkEnum(where, `statuses[${i}]`, status, ACCESS_ANALYZER_STATUSES));
      checkUnique(where, "statuses", options.statuses);
    }
    const detailTypes = [
      "Access Analyzer Finding",
      ...(options.includeUnusedAccess ? ["Unused Access Finding for IAM entities"] : []),
    ];
    return {
      source: ["aws.access-analyzer"],
      "detail-type": detailTypes,
      ...(options.statuses ? { detail: { status: [...options.statuses] } } : {}),
    };
  }

  /** Failed AWS console sign-ins (`detail.responseElements.ConsoleLogin` is `"Failure"`); a global-service event. */
  public static consoleSignInFailures(): EventPattern {
    return {
      source: ["aws.signin"],
      "detail-type": [CONSOLE_SIGN_IN],
      detail: { eventName: ["ConsoleLogin"], responseElements: { ConsoleLogin: ["Failure"] } },
    };
  }

  /**
   * Anything the root user of an account does: API calls and console sign-ins recorded by
   * CloudTrail with `detail.userIdentity.type` `"Root"`. Root sign-ins are global-service events.
   */
  public static rootUserActivity(): EventPattern {
    return { source: [Match.prefix("aws.")], detail: { userIdentity: { type: ["Root"] } } };
  }

  /**
   * CloudTrail management events (API calls that change something; EventBridge does not receive
   * read-only calls on an ordinary rule) of the given services, e.g. `["iam", "kms", "s3"]`.
   * @param services service prefixes as in the event source `aws.<service>` / `<service>.amazonaws.com`
   * @param options.eventNames only these API actions (e.g. `["DeleteTrail", "StopLogging"]`); @default - every action
   */
  public static cloudTrailManagementEvents(
    services: readonly string[],
    options: { readonly eventNames?: readonly string[] } = {},
  ): EventPattern {
    const where = "ServiceEventPatterns.cloudTrailManagementEvents";
    checkList(where, "services", services, 'pass service prefixes, e.g. ["iam", "kms"]');
    services.forEach((service, i) => {
      if (typeof service !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(service)) {
        const given = typeof service === "string" ? `'${service}'` : `is ${typeof service}, and`;
        const fix = typeof service === "string" && service.startsWith("aws.") ? `; write '${service.slice(4)}'` : "";
        raiseAt(
          where,
          `services[${i}] ${given} is not a service prefix${fix}; pass the part after 'aws.' in the event source, e.g. "iam" or "access-analyzer".`,
        );
      }
    });
    checkUnique(where, "services", services);
    checkKeys(where, "options", options, ["eventNames"]);
    if (options.eventNames !== undefined) {
      checkList(where, "eventNames", options.eventNames, "leave it out for every action, or pass API action names");
      options.eventNames.forEach((name, i) => {
        if (typeof name !== "string" || !/^[A-Za-z0-9]+$/.test(name))
          raiseAt(
            where,
            `eventNames[${i}] ${JSON.stringify(name)} is not an API action name; pass names such as "DeleteTrail".`,
          );
      });
      checkUnique(where, "eventNames", options.eventNames);
    }
    return {
      source: services.map((s) => `aws.${s}`),
      "detail-type": [CLOUDTRAIL_API_CALL],
      detail: {
        eventSource: services.map((s) => `${s}.amazonaws.com`),
        ...(options.eventNames ? { eventName: [...options.eventNames] } : {}),
      },
    };
  }

  /**
   * GuardDuty (HIGH and above), Security Hub (HIGH, CRITICAL) and Access Analyzer findings. It
   * takes no options: to choose severities, combine the three presets with `anyOf`.
   */
  public static securityFindings(...args: never[]): EventPattern {
    if (args.length > 0)
      raiseAt(
        "ServiceEventPatterns.securityFindings",
        `takes no options (got ${JSON.stringify(args[0])}); to choose severities, combine ServiceEventPatterns.guardDutyFindings({ minSeverity: "HIGH" }), securityHubFindings({ severityLabels: ["HIGH", "CRITICAL"] }) and accessAnalyzerFindings() with ServiceEventPatterns.anyOf(...).`,
      );
    return ServiceEventPatterns.anyOf(
      ServiceEventPatterns.guardDutyFindings(),
      ServiceEventPatterns.securityHubFindings(),
      ServiceEventPatterns.accessAnalyzerFindings({ statuses: ["ACTIVE"] }),
    );
  }

  /**
   * Events matching any of the patterns: a `$or` of them, with the alternatives of a pattern that
   * is itself only a `$or` spliced in (so presets nest without deepening the pattern).
   */
  public static anyOf(...patterns: EventPattern[]): EventPattern {
    const where = "ServiceEventPatterns.anyOf";
    if (patterns.length === 0) raiseAt(where, "needs at least one pattern; pass the presets to combine.");
    patterns.forEach((p, i) => {
      if (p === null || typeof p !== "object" || Array.isArray(p))
        raiseAt(
          where,
          `pattern ${i} is ${jsonKind(p)}; pass event patterns, e.g. ServiceEventPatterns.guardDutyFindings().`,
        );
    });
    const alternatives = patterns.flatMap((p) =>
      Object.keys(p).length === 1 && Array.isArray(p.$or) ? (p.$or as EventPattern[]) : [p],
    );
    if (alternatives.length === 1) return alternatives[0];
    return Match.or(...alternatives);
  }

  /**
   * Whether the pattern can select events of a global service (see GLOBAL_SERVICE_EVENT_SOURCES),
   * judged on its `source` fields: a pattern without a source constraint can.
   */
  public static selectsGlobalServiceEvents(pattern: EventPattern): boolean {
    return GLOBAL_SERVICE_EVENT_SOURCES.some((source) => canMatchSource(pattern, source));
  }

  private constructor() {}
}

/** Whether the `source` constraints of `pattern` (and of its `$or` alternatives) admit `source`. */
function canMatchSource(pattern: EventPattern, source: string): boolean {
  const leaf = pattern.source as readonly FieldMatcher[] | undefined;
  if (Array.isArray(leaf) && !matches({ source: leaf }, { source })) return false;
  const alternatives = pattern.$or as readonly EventPattern[] | undefined;
  return !Array.isArray(alternatives) || alternatives.some((alt) => canMatchSource(alt, source));
}
