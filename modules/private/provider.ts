/**
 * What the library can learn at synth time about the account and region a provider deploys to,
 * without calling AWS: the provider's `region`, and its account from `allowed_account_ids` (one
 * account) or the role it assumes. Providers are read by their Terraform type, never `instanceof`.
 */
import { Construct } from "constructs";
import { TerraformProvider, TerraformStack } from "cdktf";
import { isUnresolved } from "./errors";
import { isAwsProvider } from "./resource-type";

/** Account and region of a provider, each when known as a literal at synth. */
export interface ProviderIdentity {
  /** The AWS region, when the provider names it. @default - unknown */
  readonly region?: string;
  /** The 12-digit account, when the provider pins one. @default - unknown */
  readonly account?: string;
  /** The provider (or the stack's default AWS provider) construct, when there is one. @default - none */
  readonly provider?: TerraformProvider;
}

interface AwsProviderLike {
  readonly region?: string;
  readonly allowedAccountIds?: string[];
  readonly assumeRole?: { roleArn?: string }[];
}

/** The provider a resource of `scope` uses: `provider`, or its stack's default (un-aliased) AWS provider. */
export function effectiveProvider(scope: Construct, provider?: TerraformProvider): TerraformProvider | undefined {
  if (provider) return provider;
  const stack = TerraformStack.of(scope);
  return stack.node.findAll().find((c): c is TerraformProvider => isAwsProvider(c) && !c.alias);
}

function literal(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" && !isUnresolved(value) ? value : undefined;
}

/** Account and region of `provider` (or the stack's default AWS provider), where it tells. */
export function providerIdentity(scope: Construct, provider?: TerraformProvider): ProviderIdentity {
  const p = effectiveProvider(scope, provider);
  if (!p || !isAwsProvider(p)) return { provider: p };
  const aws = p as unknown as AwsProviderLike;
  const region = literal(aws.region);
  const allowed = aws.allowedAccountIds;
  let account = Array.isArray(allowed) && allowed.length === 1 ? literal(allowed[0]) : undefined;
  const roleArn = Array.isArray(aws.assumeRole) ? literal(aws.assumeRole[0]?.roleArn) : undefined;
  account ??= roleArn ? /^arn:[a-z-]+:iam::(\d{12}):/.exec(roleArn)?.[1] : undefined;
  return { region, account, provider: p };
}

/** The partition of a region: `aws-cn` for China, `aws-us-gov` for GovCloud, `aws` otherwise. */
export function partitionOf(region: string): string {
  if (region.startsWith("cn-")) return "aws-cn";
  if (region.startsWith("us-gov-")) return "aws-us-gov";
  if (region.startsWith("us-isob-")) return "aws-iso-b";
  if (region.startsWith("us-iso-")) return "aws-iso";
  return "aws";
}
