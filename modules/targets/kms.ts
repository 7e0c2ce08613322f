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

/**
 * The key-policy statements that let EventBridge use a customer-managed KMS key that encrypts an
 * event bus (`kmsKeyIdentifier` of `StaxEventBus` or `SecurityEventCollector`): `kms:Decrypt` and
 * `kms:GenerateDataKey` only for this bus (`aws:SourceArn` and the encryption context
 * `kms:EncryptionContext:aws:events:event-bus:arn` EventBridge sends with every call), and
 * `kms:DescribeKey`, which EventBridge calls to check the key is a symmetric encryption key.
 * Add them to the key's policy before the bus is created or updated to use the key.
 *
 * Spell the bus ARN out (`arn:aws:events:<region>:<account>:event-bus/<name>`) rather than
 * referring to the bus resource: the bus refers to the key, so a key policy that refers to the
 * bus would make a dependency cycle.
 *
 * @param eventBusArn ARN of the bus the key encrypts.
 * @param sourceAccount account of the bus (`aws:SourceAccount`).
 */
export function eventBridgeBusKeyPolicyStatements(eventBusArn: string, sourceAccount: string): PolicyStatement[] {
  const principal = { Service: "events.amazonaws.com" };
  return [
    {
      Sid: "AllowEventBridgeToEncryptTheBus",
      Effect: "Allow",
      Principal: principal,
      Action: ["kms:Decrypt", "kms:GenerateDataKey"],
      Resource: "*",
      Condition: {
        StringEquals: {
          "aws:SourceAccount": sourceAccount,
          "aws:SourceArn": eventBusArn,
          "kms:EncryptionContext:aws:events:event-bus:arn": eventBusArn,
        },
      },
    },
    {
      Sid: "AllowEventBridgeToDescribeTheKey",
      Effect: "Allow",
      Principal: principal,
      Action: "kms:DescribeKey",
      Resource: "*",
      Condition: { StringEquals: { "aws:SourceAccount": sourceAccount } },
    },
  ];
}
