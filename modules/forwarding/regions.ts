/**
 * AWS commercial regions, and the checks every forwarding construct applies to region lists.
 * Plain TypeScript apart from the construct used to name the offender in errors.
 */
import { Construct } from "constructs";
import { fail, isUnresolved } from "../private/errors";

/** Commercial regions every AWS account has enabled from the start. */
export const AWS_DEFAULT_ENABLED_REGIONS: readonly string[] = [
  "us-east-1",
  "us-east-2",
  "us-west-1",
  "us-west-2",
  "ca-central-1",
  "sa-east-1",
  "eu-central-1",
  "eu-west-1",
  "eu-west-2",
  "eu-west-3",
  "eu-north-1",
  "ap-south-1",
  "ap-northeast-1",
  "ap-northeast-2",
  "ap-northeast-3",
  "ap-southeast-1",
  "ap-southeast-2",
];

/** Commercial regions an account must opt in to before anything can be deployed there. */
export const AWS_OPT_IN_REGIONS: readonly string[] = [
  "af-south-1",
  "ap-east-1",
  "ap-east-2",
  "ap-south-2",
  "ap-southeast-3",
  "ap-southeast-4",
  "ap-southeast-5",
  "ap-southeast-6",
  "ap-southeast-7",
  "ca-west-1",
  "eu-central-2",
  "eu-south-1",
  "eu-south-2",
  "il-central-1",
  "me-central-1",
  "me-south-1",
  "mx-central-1",
];

/** Every commercial (`aws` partition) region this library knows: default-enabled, then opt-in. */
export const AWS_COMMERCIAL_REGIONS: readonly string[] = [...AWS_DEFAULT_ENABLED_REGIONS, ...AWS_OPT_IN_REGIONS];

/** Region where events of global services (IAM, STS, sign-in, Organizations, CloudFront, Route 53) arrive. */
export const GLOBAL_SERVICES_REGION = "us-east-1";

const KNOWN = new Set(AWS_COMMERCIAL_REGIONS);

/** Fails unless `region` is a known commercial region (tokens pass). */
export function checkRegion(scope: Construct, what: string, region: string): void {
  if (isUnresolved(region) || KNOWN.has(region)) return;
  const near = AWS_COMMERCIAL_REGIONS.find((r) => r.replace(/-/g, "") === region.toLowerCase().replace(/[-_\s]/g, ""));
  const hint = near
    ? ` Did you mean '${near}'?`
    : " Use a region code such as 'ap-southeast-2' (see AWS_COMMERCIAL_REGIONS).";
  fail(scope, `${what} '${region}' is not an AWS commercial region.${hint}`);
}

/** Fails on an empty list, an unknown region or a region listed twice; returns the list. */
export function checkRegionList(scope: Construct, what: string, regions: readonly string[]): readonly string[] {
  if (regions.length === 0) {
    fail(
      scope,
      `${what} is empty; list at least one region, e.g. ['us-east-1', 'ap-southeast-2'], or AWS_DEFAULT_ENABLED_REGIONS.`,
    );
  }
  const seen = new Set<string>();
  for (const region of regions) {
    checkRegion(scope, `${what} entry`, region);
    if (seen.has(region)) fail(scope, `${what} lists '${region}' twice; list each region once.`);
    seen.add(region);
  }
  return regions;
}

/** The ARN of a bus in the commercial partition. */
export function eventBusArn(region: string, accountId: string, eventBusName: string): string {
  return `arn:aws:events:${region}:${accountId}:event-bus/${eventBusName}`;
}
