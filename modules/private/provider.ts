/**
 * What the library can learn at synth time about the account and region a provider deploys to,
 * without calling AWS: the provider's `region`, and its account from `allowed_account_ids` (one
 * account) or the role it assumes. Providers are read by their Terraform type, never `instanceof`.
 */
import { Construct } from "constructs";
import { TerraformProvider, TerraformStack } from "cdktf";
import { fail, isUnresolved } from "./errors";
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

/**
 * Refuses a construct's literal `region` or `accountId` prop that disagrees with the literal region
 * or pinned account (`allowed_account_ids`, or the role it assumes) of the provider its resources
 * use: the resources would be created where the provider points while ARNs and policies built from
 * the props name another place. Tokens and unknown provider settings pass.
 */
export function checkProviderAgrees(
  scope: Construct,
  provider: TerraformProvider | undefined,
  given: { readonly region?: string; readonly accountId?: string },
  names: { readonly region?: string; readonly accountId?: string; readonly accountFixedBy?: string } = {},
): void {
  const identity = providerIdentity(scope, provider);
  const which = identity.provider ? `the provider '${identity.provider.node.path}'` : "the provider";
  const region = literal(given.region);
  if (region !== undefined && identity.region !== undefined && region !== identity.region) {
    const prop = names.region ?? "region";
    fail(
      scope,
      `${prop} is '${region}' but ${which} is configured for '${identity.region}', so the resources would be created in '${identity.region}' while their ARNs say '${region}'. Pass the provider of '${region}', or set ${prop} to '${identity.region}'.`,
    );
  }
  const account = literal(given.accountId);
  if (account !== undefined && identity.account !== undefined && account !== identity.account) {
    const prop = names.accountId ?? "accountId";
    fail(
      scope,
      `${prop} is '${account}' but ${which} deploys only to account '${identity.account}' (its allowed_account_ids or assumed role), so the resources would be created in '${identity.account}' while their ARNs and policies say '${account}'. Pass the provider of account '${account}'${names.accountFixedBy ? ` (${names.accountFixedBy})` : `, or set ${prop} to '${identity.account}'`}.`,
    );
  }
}
