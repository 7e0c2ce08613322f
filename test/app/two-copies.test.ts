/**
 * Two copies of the default app, and of every example, deployed as two stacks into one account
 * and region (two teams, or staging and production side by side) share no physical name: no
 * queue, role, rule, archive, log group, connection, stream, bucket prefix, StackSet or StackSet
 * template resource of one copy has the name of one of the other's.
 *
 * The copies differ only in their stack name and, where they create a partner bus, in their
 * Stax partner event source: a partner source is associated with exactly one bus, whose name
 * EventBridge fixes to the source's name, so two copies always consume two sources.
 */
import { App, TerraformStack, Testing } from "cdktf";
import { buildDefaultApp } from "../../main";
import { AuditLogStack, CONFIG as AUDIT } from "../../examples/audit-log/main";
import { buildCrossRegionForwarding } from "../../examples/cross-region-forwarding/main";
import { CONFIG as FIREHOSE, FirehoseToS3Stack } from "../../examples/firehose-to-s3/main";
import { CONFIG as LAMBDA, LambdaConsumerStack } from "../../examples/lambda-consumer/main";
import { buildOrgWideForwarding } from "../../examples/org-wide-forwarding/main";
import { CONFIG as SLACK, SlackWebhookStack } from "../../examples/slack-webhook/main";
import { exampleNames } from "../support/examples";
import { physicalNames, PhysicalNameFound, sharedNames } from "../support/physical-names";
import { synthObject } from "../support/synth";

/** Builds copy `copy` (0 or 1) of an app as the stack `stackName`. */
type Copy = (app: App, stackName: string, copy: number) => TerraformStack;

const COPIES: Record<string, Copy> = {
  "default app": (app, stackName, copy) =>
    buildDefaultApp(app, { STAX_STACK_NAME: stackName, STAX_SOURCE_NAME: `security-events-${copy}` }),
  "audit-log": (app, stackName, copy) =>
    new AuditLogStack(app, stackName, { ...AUDIT, sourceName: `audit-events-${copy}` }),
  "cross-region-forwarding": (app, stackName) => buildCrossRegionForwarding(app, { stackName }),
  "firehose-to-s3": (app, stackName, copy) =>
    new FirehoseToS3Stack(app, stackName, { ...FIREHOSE, sourceName: `security-events-${copy}` }),
  "lambda-consumer": (app, stackName, copy) =>
    new LambdaConsumerStack(app, stackName, { ...LAMBDA, sourceName: `security-events-${copy}` }),
  "org-wide-forwarding": (app, stackName) => buildOrgWideForwarding(app, { stackName }),
  "slack-webhook": (app, stackName, copy) =>
    new SlackWebhookStack(app, stackName, { ...SLACK, sourceName: `security-events-${copy}` }),
};

function twoCopies(copy: Copy): [PhysicalNameFound[], PhysicalNameFound[]] {
  const app = Testing.app();
  const stacks = [copy(app, "team-a-stax-events", 0), copy(app, "team-b-stax-events", 1)];
  const [a, b] = stacks.map((stack) => physicalNames(synthObject(stack)));
  return [a, b];
}

describe("two copies as two stacks in one account and region", () => {
  it("cover the default app and every example (a new example needs its builder of copies in COPIES)", () => {
    const missing = exampleNames().filter((name) => !(name in COPIES));
    expect(missing).toEqual([]);
  });

  describe.each(Object.keys(COPIES))("%s", (name) => {
    const [a, b] = twoCopies(COPIES[name]);

    it("share no physical name", () => {
      expect(a.length).toBeGreaterThan(0);
      expect(sharedNames(a, b)).toEqual([]);
    });

    it("name each copy's resources after its own stack (partner buses are named after their source)", () => {
      const partnerBus = (n: PhysicalNameFound): boolean =>
        n.kind === "aws_cloudwatch_event_bus" && n.value.startsWith("aws.partner/");
      // Glue database names allow only lower-case letters, digits and "_".
      const ownName = (n: PhysicalNameFound): boolean =>
        n.value.includes(n.kind === "aws_glue_catalog_database" ? "team_a_" : "team-a-");
      expect(a.filter((n) => !partnerBus(n) && !ownName(n))).toEqual([]);
    });

    it("give the same names on every synthesis", () => {
      expect(twoCopies(COPIES[name])).toEqual([a, b]);
    });
  });

  it("would be caught sharing a name", () => {
    const found = (value: string): PhysicalNameFound => ({
      kind: "aws_sqs_queue",
      address: "a",
      attribute: "name",
      value,
    });
    expect(sharedNames([found("q1"), found("q2")], [found("q2")])).toEqual(["aws_sqs_queue q2"]);
  });
});
