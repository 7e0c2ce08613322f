import type { PolicyStatement } from "../private/iam";

/** An IAM policy statement, as the library writes them. */
export type { PolicyStatement };

/**
 * The key-policy statement that lets EventBridge use a customer-managed KMS key, needed when a
 * target (queue, topic) or bus is encrypted with such a key. Add it to the key's policy:
 * EventBridge calls `kms:GenerateDataKey` and `kms:Decrypt` to write encrypted messages.
 *
 * @param sourceAccount account whose rules may use the key (`aws:SourceAccount`).
 */
export function eventBridgeKeyPolicyStatement(sourceAccount: string): PolicyStatement {
  return {
    Sid: "AllowEventBridgeToUseTheKey",
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey"],
    Resource: "*",
    Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } },
  };
}
