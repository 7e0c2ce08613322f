import type { PolicyStatement } from "../private/iam";

/** An IAM policy statement, as the library writes them. */
export type { PolicyStatement };

/**
 * The key-policy statement that lets EventBridge use a customer-managed KMS key that encrypts a
 * target queue or topic (or a dead-letter queue): EventBridge's `SendMessage` or `Publish` makes
 * SQS or SNS call `kms:GenerateDataKey` and `kms:Decrypt` as `events.amazonaws.com`. Add it to the
 * key's policy.
 *
 * The statement has no `aws:SourceAccount` or `aws:SourceArn` condition, as AWS documents it:
 * those keys are not present on these KMS calls (the SNS developer guide says so for
 * EventBridge-to-encrypted topics), so a statement conditioned on them would silently refuse every
 * message. Which rules may deliver is decided by the queue's or topic's policy, which the library
 * scopes to your rules with `aws:SourceArn`; the key only encrypts what that policy admits.
 *
 * @example
 * new KmsKey(this, "QueueKey", {
 *   enableKeyRotation: true,
 *   policy: JSON.stringify({
 *     Version: "2012-10-17",
 *     Statement: [
 *       { Sid: "Admin", Effect: "Allow", Principal: { AWS: "arn:aws:iam::123456789012:root" }, Action: "kms:*", Resource: "*" },
 *       eventBridgeKeyPolicyStatement(),
 *     ],
 *   }),
 * });
 */
export function eventBridgeKeyPolicyStatement(): PolicyStatement {
  return {
    Sid: "AllowEventBridgeToUseTheKey",
    Effect: "Allow",
    Principal: { Service: "events.amazonaws.com" },
    Action: ["kms:Decrypt", "kms:GenerateDataKey"],
    Resource: "*",
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
