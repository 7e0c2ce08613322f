import { Construct } from "constructs";
import { fail, isUnresolved } from "./errors";

/**
 * An AWS managed key, by alias (`alias/aws/sqs`) or alias ARN (`arn:aws:kms:<region>:<account>:alias/aws/sqs`).
 * Aliases beginning with `alias/aws/` are reserved for AWS managed keys.
 */
const AWS_MANAGED_ALIAS = /^(arn:[a-z-]+:kms:[a-z0-9-]*:\d{12}:)?alias\/aws\//;

/** What the key encrypts, and what the user can do instead of an AWS managed key. */
export type KeyUse = "queue" | "topic" | "bus";

const INSTEAD: Record<KeyUse, string> = {
  queue:
    "Use a customer-managed key whose key policy includes eventBridgeKeyPolicyStatement(), or no key (SSE-SQS, the SecureQueue default).",
  topic: "Use a customer-managed key whose key policy includes eventBridgeKeyPolicyStatement().",
  bus: "Use a customer-managed key whose key policy includes eventBridgeBusKeyPolicyStatements(<bus ARN>, <account>), or no key (an AWS owned key).",
};

/** True when the key is given as an AWS managed key's alias (or alias ARN); tokens are never checked. */
export function isAwsManagedKey(key: string | undefined): boolean {
  return key !== undefined && !isUnresolved(key) && AWS_MANAGED_ALIAS.test(key);
}

/**
 * Refuses a key EventBridge cannot use: an AWS managed key (`alias/aws/sqs`, `alias/aws/sns`, ...),
 * whose key policy nobody can change to let `events.amazonaws.com` encrypt with it.
 */
export function checkKeyEventBridgeCanUse(scope: Construct, what: string, key: string | undefined, use: KeyUse): void {
  if (!isAwsManagedKey(key)) return;
  fail(
    scope,
    `${what} '${key}' is an AWS managed key; EventBridge cannot use it, because its key policy cannot be changed to let events.amazonaws.com use it. ${INSTEAD[use]}`,
  );
}
