import { Match, matches, validatePattern } from "../../modules/pattern";
import { ServiceEventPatterns as P } from "../../modules/forwarding";

/** An AWS service event as the default bus carries it (only the fields the patterns look at). */
function event(source: string, detailType: string, detail: Record<string, unknown> = {}) {
  return {
    version: "0",
    id: "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
    source,
    "detail-type": detailType,
    account: "111122223333",
    region: "eu-west-1",
    time: "2025-01-01T00:00:00Z",
    resources: [],
    detail,
  };
}

const guardDuty = (severity: number) =>
  event("aws.guardduty", "GuardDuty Finding", { severity, type: "Recon:EC2/PortProbeUnprotectedPort" });
const securityHub = (label: string) =>
  event("aws.securityhub", "Security Hub Findings - Imported", {
    findings: [{ Severity: { Label: label, Normalized: 70 } }],
  });
const accessAnalyzer = (status: string, detailType = "Access Analyzer Finding") =>
  event("aws.access-analyzer", detailType, { status, resourceType: "AWS::S3::Bucket" });
const signIn = (result: "Success" | "Failure", type = "IAMUser") =>
  event("aws.signin", "AWS Console Sign In via CloudTrail", {
    eventName: "ConsoleLogin",
    userIdentity: { type },
    responseElements: { ConsoleLogin: result },
  });
const apiCall = (service: string, eventName: string, type = "AssumedRole") =>
  event(`aws.${service}`, "AWS API Call via CloudTrail", {
    eventSource: `${service}.amazonaws.com`,
    eventName,
    userIdentity: { type },
  });

describe("ServiceEventPatterns", () => {
  it("selects every AWS service event with allServiceEvents", () => {
    const pattern = P.allServiceEvents();
    expect(pattern).toEqual({ source: [{ prefix: "aws." }] });
    expect(matches(pattern, guardDuty(2))).toBe(true);
    expect(matches(pattern, event("my.app", "Order Placed"))).toBe(false);
  });

  it("selects GuardDuty findings at or above a severity (HIGH by default)", () => {
    expect(P.guardDutyFindings()).toEqual({
      source: ["aws.guardduty"],
      "detail-type": ["GuardDuty Finding"],
      detail: { severity: [{ numeric: [">=", 7] }] },
    });
    expect(matches(P.guardDutyFindings(), guardDuty(8.2))).toBe(true);
    expect(matches(P.guardDutyFindings(), guardDuty(6.9))).toBe(false);
    expect(matches(P.guardDutyFindings({ minSeverity: "MEDIUM" }), guardDuty(4))).toBe(true);
    expect(matches(P.guardDutyFindings({ minSeverity: 9 }), guardDuty(8.9))).toBe(false);
  });

  it("selects Security Hub findings by severity label (HIGH and CRITICAL by default)", () => {
    expect(P.securityHubFindings().detail).toEqual({ findings: { Severity: { Label: ["HIGH", "CRITICAL"] } } });
    expect(matches(P.securityHubFindings(), securityHub("CRITICAL"))).toBe(true);
    expect(matches(P.securityHubFindings(), securityHub("MEDIUM"))).toBe(false);
    expect(matches(P.securityHubFindings({ severityLabels: ["MEDIUM"] }), securityHub("MEDIUM"))).toBe(true);
  });

  it("selects IAM Access Analyzer findings, optionally by status and with unused-access findings", () => {
    expect(matches(P.accessAnalyzerFindings(), accessAnalyzer("ARCHIVED"))).toBe(true);
    expect(matches(P.accessAnalyzerFindings({ statuses: ["ACTIVE"] }), accessAnalyzer("ARCHIVED"))).toBe(false);
    const unused = accessAnalyzer("ACTIVE", "Unused Access Finding for IAM entities");
    expect(matches(P.accessAnalyzerFindings(), unused)).toBe(false);
    expect(matches(P.accessAnalyzerFindings({ includeUnusedAccess: true }), unused)).toBe(true);
  });

  it("selects failed console sign-ins only", () => {
    expect(matches(P.consoleSignInFailures(), signIn("Failure"))).toBe(true);
    expect(matches(P.consoleSignInFailures(), signIn("Success"))).toBe(false);
  });

  it("selects root-user activity: API calls and sign-ins whose identity is Root", () => {
    expect(matches(P.rootUserActivity(), apiCall("s3", "PutBucketPolicy", "Root"))).toBe(true);
    expect(matches(P.rootUserActivity(), signIn("Success", "Root"))).toBe(true);
    expect(matches(P.rootUserActivity(), apiCall("s3", "PutBucketPolicy", "IAMUser"))).toBe(false);
  });

  it("selects CloudTrail management events of the chosen services, optionally by action", () => {
    const pattern = P.cloudTrailManagementEvents(["iam", "kms"]);
    expect(pattern).toEqual({
      source: ["aws.iam", "aws.kms"],
      "detail-type": ["AWS API Call via CloudTrail"],
      detail: { eventSource: ["iam.amazonaws.com", "kms.amazonaws.com"] },
    });
    expect(matches(pattern, apiCall("kms", "ScheduleKeyDeletion"))).toBe(true);
    expect(matches(pattern, apiCall("s3", "DeleteBucket"))).toBe(false);
    const trail = P.cloudTrailManagementEvents(["cloudtrail"], { eventNames: ["StopLogging", "DeleteTrail"] });
    expect(matches(trail, apiCall("cloudtrail", "StopLogging"))).toBe(true);
    expect(matches(trail, apiCall("cloudtrail", "CreateTrail"))).toBe(false);
  });

  it("composes presets with anyOf, splicing nested alternatives into one $or", () => {
    const pattern = P.anyOf(P.securityFindings(), P.consoleSignInFailures());
    expect(Object.keys(pattern)).toEqual(["$or"]);
    expect(pattern.$or).toHaveLength(4);
    expect(() => validatePattern(pattern)).not.toThrow();
    for (const yes of [guardDuty(8), securityHub("HIGH"), accessAnalyzer("ACTIVE"), signIn("Failure")])
      expect(matches(pattern, yes)).toBe(true);
    for (const no of [guardDuty(3), securityHub("LOW"), accessAnalyzer("RESOLVED"), signIn("Success")])
      expect(matches(pattern, no)).toBe(false);
  });

  it("composes with Match.or and the Match helpers", () => {
    const pattern = {
      ...Match.or(P.guardDutyFindings({ minSeverity: "LOW" }), P.consoleSignInFailures()),
      region: Match.anyOf(Match.prefix("eu-")),
    };
    expect(matches(pattern, guardDuty(2))).toBe(true);
    expect(matches(pattern, { ...guardDuty(2), region: "us-east-1" })).toBe(false);
  });

  it("tells which patterns select global-service events", () => {
    expect(P.selectsGlobalServiceEvents(P.allServiceEvents())).toBe(true);
    expect(P.selectsGlobalServiceEvents(P.consoleSignInFailures())).toBe(true);
    expect(P.selectsGlobalServiceEvents(P.rootUserActivity())).toBe(true);
    expect(P.selectsGlobalServiceEvents(P.cloudTrailManagementEvents(["iam"]))).toBe(true);
    expect(P.selectsGlobalServiceEvents({ "detail-type": ["Anything"] })).toBe(true);
    expect(P.selectsGlobalServiceEvents(P.securityFindings())).toBe(false);
    expect(P.selectsGlobalServiceEvents(P.cloudTrailManagementEvents(["kms", "s3"]))).toBe(false);
    expect(P.selectsGlobalServiceEvents(P.anyOf(P.securityFindings(), P.consoleSignInFailures()))).toBe(true);
  });

  it("refuses bad arguments with the preset's name and the fix", () => {
    expect(() => P.guardDutyFindings({ minSeverity: 11 })).toThrow(
      'ServiceEventPatterns.guardDutyFindings: minSeverity 11 is not a GuardDuty severity; pass "LOW", "MEDIUM", "HIGH", "CRITICAL" or a number from 0 to 10',
    );
    expect(() => P.securityHubFindings({ severityLabels: ["SEVERE" as never] })).toThrow(
      "ServiceEventPatterns.securityHubFindings: severityLabels[0] 'SEVERE' is not valid. Use one of 'INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL'.",
    );
    expect(() => P.cloudTrailManagementEvents([])).toThrow(
      'ServiceEventPatterns.cloudTrailManagementEvents: services is an empty list, which would match nothing; pass service prefixes, e.g. ["iam", "kms"].',
    );
    expect(() => P.cloudTrailManagementEvents(["aws.iam"])).toThrow(
      "ServiceEventPatterns.cloudTrailManagementEvents: services[0] 'aws.iam' is not a service prefix; write 'iam'",
    );
    expect(() => P.accessAnalyzerFindings({ statuses: [] })).toThrow(
      "ServiceEventPatterns.accessAnalyzerFindings: statuses is an empty list",
    );
  });

  it("refuses enum values in the wrong case, with the right spelling", () => {
    expect(() => P.securityHubFindings({ severityLabels: ["high" as never] })).toThrow(
      "ServiceEventPatterns.securityHubFindings: severityLabels[0] 'high' is not valid; did you mean 'HIGH'?",
    );
    expect(() => P.guardDutyFindings({ minSeverity: "high" as never })).toThrow(
      "ServiceEventPatterns.guardDutyFindings: minSeverity 'high' is not valid; did you mean 'HIGH'?",
    );
    expect(() => P.accessAnalyzerFindings({ statuses: ["active" as never] })).toThrow(
      "ServiceEventPatterns.accessAnalyzerFindings: statuses[0] 'active' is not valid; did you mean 'ACTIVE'?",
    );
  });

  it("refuses options a JavaScript caller misspells or gives the wrong type", () => {
    const securityFindings = P.securityFindings as (...args: unknown[]) => unknown;
    expect(() => securityFindings({ severities: ["high"] })).toThrow(
      'ServiceEventPatterns.securityFindings: takes no options (got {"severities":["high"]}); to choose severities, combine',
    );
    expect(() => P.securityHubFindings({ severityLabel: ["HIGH"] } as never)).toThrow(
      "ServiceEventPatterns.securityHubFindings: options key 'severityLabel' is not valid; did you mean 'severityLabels'? Valid keys: severityLabels.",
    );
    expect(() => P.securityHubFindings({ severityLabels: "HIGH" as never })).toThrow(
      "ServiceEventPatterns.securityHubFindings: severityLabels is a string; wrap it in a list: ['HIGH'].",
    );
    expect(() => P.securityHubFindings({ severityLabels: ["HIGH", "HIGH"] })).toThrow(
      "ServiceEventPatterns.securityHubFindings: severityLabels lists 'HIGH' twice; list each once.",
    );
    expect(() => P.guardDutyFindings({ minSeverity: true as never })).toThrow(
      "ServiceEventPatterns.guardDutyFindings: minSeverity is a boolean",
    );
    expect(() => P.accessAnalyzerFindings({ includeUnusedAccess: "true" as never })).toThrow(
      'ServiceEventPatterns.accessAnalyzerFindings: includeUnusedAccess is "true"; pass true or false without quotes.',
    );
    expect(() => P.cloudTrailManagementEvents(["iam"], { eventNames: ["Delete Trail"] })).toThrow(
      'ServiceEventPatterns.cloudTrailManagementEvents: eventNames[0] "Delete Trail" is not an API action name',
    );
  });

  it("accepts the edge cases: every label, severity 0 and 10", () => {
    expect(
      P.securityHubFindings({ severityLabels: ["INFORMATIONAL", "LOW", "MEDIUM", "HIGH", "CRITICAL"] }),
    ).toBeDefined();
    expect(P.guardDutyFindings({ minSeverity: 0 }).detail).toEqual({ severity: [{ numeric: [">=", 0] }] });
    expect(P.guardDutyFindings({ minSeverity: 10 })).toBeDefined();
    expect(P.accessAnalyzerFindings({ statuses: ["ACTIVE", "ARCHIVED", "RESOLVED"] }).detail).toEqual({
      status: ["ACTIVE", "ARCHIVED", "RESOLVED"],
    });
  });
});
