import { Testing } from "cdktf";
import { SECURITY_EVENT_NAMES, STAX_EVENT_TYPES } from "../../modules/events";
import { buildDefaultApp, readConfig, StaxSecurityEventsStack } from "../../main";
import { describeWithTerraform, plannedOfType, planStack } from "../support/terraform";
import { parsed, refOf, resourcesOf, synthObject } from "../support/synth";

const SOURCE = "aws.partner/stax.io/123456789012/security-events";

function synthDefault(env: NodeJS.ProcessEnv = {}) {
  const app = Testing.app();
  const stack = buildDefaultApp(app, env);
  return { stack, synth: synthObject(stack) };
}

/** The alarms every rule of the default app gets, and those every dead-letter queue gets. */
const RULE_METRICS = ["FailedInvocations", "InvocationsFailedToBeSentToDlq", "ThrottledRules"];
const QUEUE_METRICS = ["ApproximateAgeOfOldestMessage", "ApproximateNumberOfMessagesVisible"];
/** The dead-letter queues of the default app: the shared target DLQ and each queue's own. */
const DEAD_LETTER_QUEUES = ["FailedLoginsQueue-dlq", "SecurityEventsQueue-dlq", "StaxTargetDeadLetterQueue"].map(
  (name) => `stax-security-events-${name}`,
);

describe("default app", () => {
  const { stack, synth } = synthDefault();
  const rules = Object.values(resourcesOf(synth, "aws_cloudwatch_event_rule"));
  const targets = Object.values(resourcesOf(synth, "aws_cloudwatch_event_target"));

  it("creates the bus for a new Stax partner source", () => {
    expect(Object.values(resourcesOf(synth, "aws_cloudwatch_event_bus"))).toEqual([
      expect.objectContaining({ name: SOURCE, event_source_name: SOURCE }),
    ]);
  });

  it("has one rule per Security event type plus a failed-logins rule", () => {
    expect(rules).toHaveLength(SECURITY_EVENT_NAMES.length + 1);
    const detailTypes = rules.map((r) => parsed(r.event_pattern)["detail-type"]).filter((d) => d.length === 1);
    expect(detailTypes.map((d) => d[0]).sort()).toEqual(SECURITY_EVENT_NAMES.map((n) => `Security: ${n}`).sort());
    for (const r of rules) {
      expect(parsed(r.event_pattern).source).toEqual([SOURCE]);
      expect(r.name.length).toBeLessThanOrEqual(64);
    }
  });

  it("delivers the 20 per-type rules to one queue and failed logins to a second", () => {
    const arns = targets.map((t) => t.arn);
    const security = refOf(stack.securityEvents.queue, "arn");
    const failed = refOf(stack.failedLogins.queue, "arn");
    expect(arns.filter((a) => a === security)).toHaveLength(20);
    expect(arns.filter((a) => a === failed)).toHaveLength(1);
    const failedRule = rules.find((r) => parsed(r.event_pattern).detail?.status);
    expect(parsed(failedRule.event_pattern).detail.status).toEqual(["FAILED"]);
  });

  it("publishes the JSON Schema of every catalogued type into one schema registry", () => {
    expect(Object.values(resourcesOf(synth, "aws_schemas_registry"))).toHaveLength(1);
    const schemas = Object.values(resourcesOf(synth, "aws_schemas_schema"));
    expect(schemas.map((s) => JSON.parse(s.content).title).sort()).toEqual(
      STAX_EVENT_TYPES.map((t) => t.detailType).sort(),
    );
    for (const s of schemas) {
      expect(s.type).toBe("JSONSchemaDraft4");
      expect(s.registry_name).toBe(refOf(stack.schemaRegistry!.registry, "name"));
      expect(s.description).toBe(
        STAX_EVENT_TYPES.find((t) => t.detailType === JSON.parse(s.content).title)?.description,
      );
    }
  });

  it("alarms on every rule and every dead-letter queue it creates, to its encrypted topic, without alarming on missing data", () => {
    const alarms = Object.values(resourcesOf(synth, "aws_cloudwatch_metric_alarm"));
    const watched = (namespace: string, dimension: string) =>
      alarms
        .filter((a) => a.namespace === namespace)
        .map((a) => `${a.dimensions[dimension]} ${a.metric_name}`)
        .sort();
    expect(watched("AWS/Events", "RuleName")).toEqual(
      rules.flatMap((r) => RULE_METRICS.map((m) => `${r.name} ${m}`)).sort(),
    );
    expect(watched("AWS/SQS", "QueueName")).toEqual(
      DEAD_LETTER_QUEUES.flatMap((q) => QUEUE_METRICS.map((m) => `${q} ${m}`)).sort(),
    );
    expect(alarms).toHaveLength(21 * 3 + 3 * 2);
    const topic = refOf(stack.deliveryAlarms!.alarmTopic!.topic, "arn");
    for (const a of alarms) {
      expect(a.treat_missing_data).toBe("notBreaching");
      expect(a.alarm_actions).toEqual([topic]);
      if (a.namespace === "AWS/Events") expect(a.dimensions.EventBusName).toBe(SOURCE);
    }
    expect(Object.values(resourcesOf(synth, "aws_kms_key"))[0].enable_key_rotation).toBe(true);
  });

  it("leaves the schema registry and the alarms out when asked", () => {
    const app = Testing.app();
    const bare = new StaxSecurityEventsStack(app, readConfig(app, {}), {
      schemaRegistry: false,
      deliveryAlarms: false,
    });
    const out = synthObject(bare);
    for (const type of [
      "aws_schemas_registry",
      "aws_schemas_schema",
      "aws_cloudwatch_metric_alarm",
      "aws_sns_topic",
      "aws_kms_key",
    ]) {
      expect(resourcesOf(out, type)).toEqual({});
    }
  });

  it("reads its settings from the environment, and refuses bad ones", () => {
    const { synth: other } = synthDefault({ STAX_ACCOUNT_ID: "210987654321", STAX_SOURCE_NAME: "audit" });
    expect(Object.values(resourcesOf(other, "aws_cloudwatch_event_bus"))[0].name).toBe(
      "aws.partner/stax.io/210987654321/audit",
    );
    expect(() => synthDefault({ STAX_ACCOUNT_ID: "42" })).toThrow("'42' is not an AWS account id");
    expect(() => readConfig(Testing.app(), { STAX_REGION: "sydney" })).toThrow(
      "default app: region 'sydney' is not an AWS region name; set STAX_REGION (or context 'staxRegion') to e.g. 'ap-southeast-2'.",
    );
  });

  describeWithTerraform("with terraform", () => {
    let plan: any;
    beforeAll(() => {
      plan = planStack(synth).plan;
    });

    it("plans the bus, its archive and 21 rules", () => {
      expect(plannedOfType(plan, "aws_cloudwatch_event_bus").map((r) => r.values.name)).toEqual([SOURCE]);
      expect(plannedOfType(plan, "aws_cloudwatch_event_archive").map((r) => r.values.retention_days)).toEqual([30]);
      const planned = plannedOfType(plan, "aws_cloudwatch_event_rule");
      expect(planned).toHaveLength(21);
      for (const r of planned) {
        expect(r.values.event_bus_name).toBe(SOURCE);
        expect(JSON.parse(r.values.event_pattern).source).toEqual([SOURCE]);
      }
    });

    it("plans every target with a retry policy and a dead-letter queue", () => {
      const planned = plannedOfType(plan, "aws_cloudwatch_event_target");
      expect(planned).toHaveLength(21);
      for (const t of planned) {
        expect(t.values.retry_policy).toEqual([{ maximum_event_age_in_seconds: 86400, maximum_retry_attempts: 185 }]);
      }
      const changes = plan.resource_changes.filter((c: any) => c.type === "aws_cloudwatch_event_target");
      for (const c of changes) expect(c.change.after_unknown.dead_letter_config).toEqual([{ arn: true }]);
    });

    it("plans encrypted queues, dead-letter queues that outlive their sources, and exactly one policy per queue", () => {
      const queues = plannedOfType(plan, "aws_sqs_queue");
      expect(queues).toHaveLength(5); // two queues, their DLQs, the shared target DLQ
      for (const q of queues) expect(q.values.sqs_managed_sse_enabled).toBe(true);
      const retention = (name: string) =>
        queues.find((q) => q.values.name === `stax-security-events-${name}`)!.values.message_retention_seconds;
      expect(["SecurityEventsQueue", "FailedLoginsQueue"].map(retention)).toEqual([345600, 345600]);
      expect(["SecurityEventsQueue-dlq", "FailedLoginsQueue-dlq", "StaxTargetDeadLetterQueue"].map(retention)).toEqual([
        1209600, 1209600, 1209600,
      ]);
      expect(plannedOfType(plan, "aws_sqs_queue_policy")).toHaveLength(5);
    });

    it("plans the schema registry with one JSONSchemaDraft4 schema per catalogued type", () => {
      const [registry] = plannedOfType(plan, "aws_schemas_registry");
      const schemas = plannedOfType(plan, "aws_schemas_schema");
      expect(schemas).toHaveLength(STAX_EVENT_TYPES.length);
      for (const s of schemas) {
        expect(s.values.registry_name).toBe(registry.values.name);
        expect(s.values.type).toBe("JSONSchemaDraft4");
        expect(JSON.parse(s.values.content).$schema).toBe("http://json-schema.org/draft-04/schema#");
      }
    });

    it("plans every alarm, its rotated key and its encrypted topic", () => {
      const alarms = plannedOfType(plan, "aws_cloudwatch_metric_alarm");
      expect(alarms).toHaveLength(21 * 3 + 3 * 2);
      expect(new Set(alarms.map((a) => a.values.alarm_name)).size).toBe(alarms.length);
      for (const a of alarms) {
        expect(a.values).toMatchObject({
          comparison_operator: "GreaterThanThreshold",
          evaluation_periods: 1,
          period: 300,
          treat_missing_data: "notBreaching",
        });
        expect(a.values.alarm_name.length).toBeLessThanOrEqual(255);
      }
      const changes = plan.resource_changes.filter((c: any) => c.type === "aws_cloudwatch_metric_alarm");
      for (const c of changes) expect(c.change.after_unknown.alarm_actions).toBe(true); // the topic ARN, known after apply
      expect(plannedOfType(plan, "aws_kms_key").map((k) => k.values.enable_key_rotation)).toEqual([true]);
      const topicChange = plan.resource_changes.find((c: any) => c.type === "aws_sns_topic");
      expect(topicChange.change.after_unknown.kms_master_key_id).toBe(true);
    });
  });
});
