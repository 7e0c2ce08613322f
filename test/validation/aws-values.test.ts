/**
 * Class 3 of the validation issue: names and values AWS would reject at apply are refused at synth
 * time (exact limits accepted, tokens never checked), and JavaScript callers get type errors.
 */
import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { StaxEventBus } from "../../modules/bus";
import {
  OrganizationForwarding,
  SecurityEventCollector,
  ServiceEventForwarder,
  ServiceEventPatterns,
} from "../../modules/forwarding";
import { StaxEventRule } from "../../modules/rule";
import { EventsLogGroup, FirehoseToS3, SecureQueue, WebhookAuth, WebhookTarget } from "../../modules/targets";
import {
  ARCHIVE_NAME,
  BUCKET_NAME,
  checkDescription,
  checkHeader,
  checkHttpsUrl,
  checkKmsKey,
  checkName,
  checkTags,
  checkType,
  ROLE_NAME,
  RULE_NAME,
  STACK_SET_NAME,
} from "../../modules/private/validation";
import { checkTemplateBodySize } from "../../modules/forwarding/forwarding-template";
import { testStack } from "../support/synth";

const ACCOUNT = "123456789012";
const KEY_ARN = "arn:aws:kms:ap-southeast-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

function setup() {
  const { stack } = testStack();
  const bus = new StaxEventBus(stack, "Bus", { accountId: ACCOUNT, sourceName: "security-events" });
  const token = (name: string) => new TerraformVariable(stack, name, { type: "string" }).stringValue;
  return { stack, bus, token };
}

describe("values AWS rejects at apply", () => {
  describe("names", () => {
    it.each([
      [RULE_NAME, "x".repeat(64), "x".repeat(65), "rule name 'xxx", "EventBridge allows 64"],
      [ARCHIVE_NAME, "a".repeat(48), "a".repeat(49), "archive name", "EventBridge allows 48"],
      [ROLE_NAME, "r+=,.@_-".repeat(8), "r".repeat(65), "role name", "IAM allows 64"],
      [STACK_SET_NAME, "S".repeat(128), "S".repeat(129), "StackSet name", "CloudFormation allows 128"],
      [BUCKET_NAME, "abc", "ab", "bucket name 'ab' is 2 characters", "S3 allows 3 to 63"],
    ])("%# accepts the exact limit and refuses one more", (rule, ok, bad, label, limit) => {
      expect(() => checkName("Helper", "prop", ok, rule)).not.toThrow();
      expect(() => checkName("Helper", "prop", bad, rule)).toThrow(label);
      expect(() => checkName("Helper", "prop", bad, rule)).toThrow(
        `; ${limit}. Pass a ${bad.length > 3 ? "shorter" : "longer"} prop.`,
      );
    });

    it("names the characters that are not allowed, and reserved prefixes and shapes", () => {
      expect(() => checkName("H", "stackSetName", "my_stack set", STACK_SET_NAME)).toThrow(
        "H: StackSet name 'my_stack set' has characters CloudFormation does not allow ('_' ' '); use only letters, digits and '-'. Pass a different stackSetName.",
      );
      expect(() => checkName("H", "stackSetName", "1stack", STACK_SET_NAME)).toThrow(
        "H: StackSet name '1stack' must start with a letter. Pass a different stackSetName.",
      );
      expect(() => checkName("H", "bucketName", "xn--bucket", BUCKET_NAME)).toThrow(
        "H: bucket name 'xn--bucket' starts with 'xn--', which S3 reserves. Pass a different bucketName.",
      );
      expect(() => checkName("H", "bucketName", "192.168.1.1", BUCKET_NAME)).toThrow(
        /must start and end with a letter or digit, have no '\.\.', not look like an IP address/,
      );
      expect(() => checkName("H", "bucketName", "My-Bucket", BUCKET_NAME)).toThrow(
        "('M' 'B'); use only lowercase letters, digits, '.' and '-'",
      );
    });

    it("applies them in every construct that passes a name to AWS", () => {
      const { stack, bus } = setup();
      const pattern = bus.securityEvents.select();
      expect(() => new StaxEventRule(stack, "R", { bus, eventPattern: pattern, ruleName: "a b" })).toThrow(
        /^test\/R: rule name 'a b' has characters/,
      );
      expect(
        () =>
          new StaxEventBus(stack, "B2", {
            accountId: ACCOUNT,
            sourceName: "s",
            archive: { archiveName: "x".repeat(49) },
          }),
      ).toThrow(
        /^test\/B2: archive name '.*' is 49 characters; EventBridge allows 48. Pass a shorter archive.archiveName./,
      );
      expect(
        () =>
          new SecurityEventCollector(stack, "C", {
            accountId: ACCOUNT,
            region: "ap-southeast-2",
            archive: { archiveName: "a/b" },
          }),
      ).toThrow(/^test\/C: archive name 'a\/b'/);
      expect(() => new FirehoseToS3(stack, "F", { accountId: ACCOUNT, bucketName: "Stax_Events" })).toThrow(
        /^test\/F: bucket name 'Stax_Events' has characters S3 does not allow/,
      );
      expect(() => new FirehoseToS3(stack, "G", { accountId: ACCOUNT, streamName: "a b" })).toThrow(
        /^test\/G: stream name 'a b' has characters Firehose does not allow/,
      );
      const forwarding = {
        destination: { accountId: "111122223333", region: "ap-southeast-2", eventBusName: "central" },
        eventPattern: ServiceEventPatterns.securityFindings(),
      };
      expect(
        () =>
          new ServiceEventForwarder(stack, "Fw", {
            ...forwarding,
            accountId: ACCOUNT,
            regions: ["us-east-1"],
            ruleName: "x".repeat(65),
          }),
      ).toThrow(/^test\/Fw: rule name/);
      const org = { ...forwarding, organizationalUnitIds: ["ou-ab12-cd34ef56"], regions: ["us-east-1"] };
      expect(() => new OrganizationForwarding(stack, "O1", { ...org, roleName: "role name" })).toThrow(
        /^test\/O1: role name 'role name' has characters IAM does not allow \(' '\)/,
      );
      expect(() => new OrganizationForwarding(stack, "O2", { ...org, ruleName: "rule/name" })).toThrow(
        /^test\/O2: rule name 'rule\/name'/,
      );
      expect(() => new OrganizationForwarding(stack, "O3", { ...org, stackSetName: "stax_forwarding" })).toThrow(
        /^test\/O3: StackSet name 'stax_forwarding'/,
      );
    });
  });

  describe("descriptions and tags", () => {
    it("accepts 512 characters and refuses 513", () => {
      expect(() => checkDescription("H", "description", "d".repeat(512))).not.toThrow();
      expect(() => checkDescription("H", "description", "d".repeat(513))).toThrow(
        `H: description '${"d".repeat(40)}…' is 513 characters; AWS allows 512. Shorten it.`,
      );
      const { stack, bus } = setup();
      expect(
        () =>
          new StaxEventRule(stack, "R", {
            bus,
            eventPattern: bus.securityEvents.select(),
            description: "d".repeat(513),
          }),
      ).toThrow(/^test\/R: description/);
    });

    it("refuses aws: keys, long keys and values, bad characters and more than 50 tags", () => {
      expect(() => checkTags("H", "tags", { "aws:team": "x" })).toThrow(
        "H: tags key 'aws:team' starts with 'aws:', which AWS reserves for its own tags. Rename the key.",
      );
      expect(() => checkTags("H", "tags", { ["k".repeat(129)]: "x" })).toThrow(
        /is 129 characters; tag keys are 1 to 128/,
      );
      expect(() => checkTags("H", "tags", { team: "v".repeat(257) })).toThrow(
        "H: tags['team'] is 257 characters; tag values are at most 256. Shorten it.",
      );
      expect(() => checkTags("H", "tags", { team: "a,b" })).toThrow(
        "H: tags['team'] 'a,b' has characters tags do not allow; use letters, digits, spaces and _ . : / = + - @.",
      );
      const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, "v"]));
      expect(() => checkTags("H", "tags", many)).toThrow(
        "H: tags has 51 tags; AWS allows 50 per resource. Remove some.",
      );
      expect(() => checkTags("H", "tags", { team: 5 as never })).toThrow("H: tags['team'] is a number; quote it: '5'.");
    });

    it("accepts exact limits, an empty value, unicode letters and spaces, and tokens", () => {
      const { stack, token } = setup();
      const ok = {
        ["k".repeat(128)]: "v".repeat(256),
        empty: "",
        "Équipe Sécurité": "café @ 10:00 / a+b=c",
        [token("key")]: token("value"),
      };
      expect(() => checkTags("H", "tags", ok)).not.toThrow();
      expect(() =>
        checkTags("H", "tags", Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, "v"]))),
      ).not.toThrow();
      expect(() => new SecureQueue(stack, "Q", { tags: ok })).not.toThrow();
    });

    it("applies them in every construct that tags", () => {
      const { stack, bus } = setup();
      const tags = { "aws:x": "y" };
      const message = /starts with 'aws:'/;
      expect(() => new StaxEventRule(stack, "R", { bus, eventPattern: bus.securityEvents.select(), tags })).toThrow(
        message,
      );
      expect(() => new StaxEventBus(stack, "B", { accountId: ACCOUNT, sourceName: "b", tags })).toThrow(message);
      expect(
        () => new SecurityEventCollector(stack, "C", { accountId: ACCOUNT, region: "ap-southeast-2", tags }),
      ).toThrow(message);
      expect(() => new SecureQueue(stack, "Q", { tags })).toThrow(message);
      expect(() => new EventsLogGroup(stack, "L", { tags })).toThrow(message);
      expect(() => new FirehoseToS3(stack, "F", { accountId: ACCOUNT, tags })).toThrow(message);
    });
  });

  describe("KMS key identifiers", () => {
    it("accepts key ids, multi-Region key ids, key ARNs, aliases and alias ARNs, and tokens", () => {
      const { token } = setup();
      for (const key of [
        "1234abcd-12ab-34cd-56ef-1234567890ab",
        "mrk-1234abcd12ab34cd56ef1234567890ab",
        KEY_ARN,
        "alias/stax-events",
        "arn:aws:kms:ap-southeast-2:123456789012:alias/stax/events",
        token("key"),
      ]) {
        expect(() => checkKmsKey("H", "kmsKeyIdentifier", key)).not.toThrow();
      }
    });

    it("refuses what is not a key identifier, and non-ARNs where only a key ARN works", () => {
      expect(() => checkKmsKey("H", "kmsKeyIdentifier", "stax-events")).toThrow(
        "H: kmsKeyIdentifier 'stax-events' is not a KMS key identifier; pass a key ARN ('arn:aws:kms:<region>:<account>:key/<key id>'), a key id, an alias ('alias/<name>') or an alias ARN. A key id is a UUID such as '1234abcd-12ab-34cd-56ef-1234567890ab' (or 'mrk-…' for a multi-Region key).",
      );
      expect(() => checkKmsKey("H", "kmsKeyArn", "alias/stax", { arnOnly: true })).toThrow(
        "H: kmsKeyArn 'alias/stax' is not a key ARN, and this service takes only the key ARN ('arn:aws:kms:<region>:<account>:key/<key id>'). Pass the key ARN (an aws_kms_key's arn attribute).",
      );
      const { stack } = setup();
      expect(() => new EventsLogGroup(stack, "L", { kmsKeyArn: "alias/logs" })).toThrow(
        /^test\/L: kmsKeyArn 'alias\/logs' is not a key ARN/,
      );
      expect(
        () => new FirehoseToS3(stack, "F", { accountId: ACCOUNT, kmsKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab" }),
      ).toThrow(/^test\/F: kmsKeyArn .* is not a key ARN/);
      expect(() => new SecureQueue(stack, "Q", { kmsKeyArn: "my key" })).toThrow(
        /^test\/Q: kmsKeyArn 'my key' is not a KMS key identifier/,
      );
      expect(
        () => new StaxEventBus(stack, "B", { accountId: ACCOUNT, sourceName: "b", kmsKeyIdentifier: "key/abc" }),
      ).toThrow(/^test\/B: kmsKeyIdentifier 'key\/abc'/);
      expect(
        () =>
          new SecurityEventCollector(stack, "C", {
            accountId: ACCOUNT,
            region: "ap-southeast-2",
            kmsKeyIdentifier: "abc",
          }),
      ).toThrow(/^test\/C: kmsKeyIdentifier 'abc'/);
    });
  });

  describe("URLs and headers", () => {
    it("refuses spaces and other characters EventBridge refuses in a URL, and URLs over 2048 characters", () => {
      expect(() => checkHttpsUrl("H", "endpoint", "https://e.example.com/a b")).toThrow(
        `H: endpoint 'https://e.example.com/a b' has characters EventBridge refuses in a URL (" "). Percent-encode them (a space is %20).`,
      );
      expect(() => checkHttpsUrl("H", "endpoint", `https://e.example.com/${"a".repeat(2048)}`)).toThrow(
        /is 2070 characters; EventBridge allows 2048/,
      );
      expect(() => checkHttpsUrl("H", "endpoint", `https://e.example.com/${"a".repeat(2048 - 22)}`)).not.toThrow();
    });

    it("refuses header names that are not HTTP tokens and values with line breaks", () => {
      expect(() => checkHeader("H", "headers", "x source", "v")).toThrow(
        "H: headers has the header name 'x source', which is not an HTTP header name; use at most 512 letters, digits and !#$%&'*+-.^_`|~ (no spaces or ':'), e.g. 'x-source'.",
      );
      expect(() => checkHeader("H", "headers", "x-source", "a\nb")).toThrow(
        "H: headers['x-source'] is not a header value EventBridge accepts; use 1 to 512 printable ASCII characters (no line breaks).",
      );
      expect(() => WebhookAuth.apiKey({ headerName: "x api key" })).toThrow(
        /^WebhookAuth.apiKey: headerName has the header name 'x api key'/,
      );
      const { stack } = setup();
      expect(
        () =>
          new WebhookTarget(stack, "W", {
            endpoint: "https://e.example.com",
            auth: WebhookAuth.none(),
            headers: { "x:y": "1" },
          }),
      ).toThrow(/^test\/W: headers has the header name 'x:y'/);
      expect(() => checkHeader("H", "headers", "x-" + "a".repeat(510), "v".repeat(512))).not.toThrow();
    });
  });

  describe("wrong types from JavaScript callers", () => {
    it("says what the value is and how to write it", () => {
      expect(() => checkType("H", "enabled", "false", "boolean")).toThrow(
        "H: enabled is the string 'false'; pass false without quotes.",
      );
      expect(() => checkType("H", "retentionDays", "30", "number")).toThrow(
        "H: retentionDays is the string '30'; pass 30 without quotes.",
      );
      expect(() => checkType("H", "accountId", 123456789012, "string")).toThrow(
        "H: accountId is a number; quote it: '123456789012'.",
      );
      expect(() => checkType("H", "tags", ["a"], "object")).toThrow("H: tags is a list; pass an object.");
    });

    it("in the constructs", () => {
      const { stack, bus } = setup();
      const js = (props: object) => props as never;
      expect(
        () => new StaxEventRule(stack, "R", js({ bus, eventPattern: bus.securityEvents.select(), enabled: "false" })),
      ).toThrow("test/R: enabled is the string 'false'; pass false without quotes.");
      expect(() => new SecureQueue(stack, "Q", js({ messageRetentionSeconds: "60" }))).toThrow(
        "test/Q: messageRetentionSeconds is the string '60'; pass 60 without quotes.",
      );
      expect(() => new SecureQueue(stack, "Q2", js({ fifo: "true" }))).toThrow(
        "test/Q2: fifo is the string 'true'; pass true without quotes.",
      );
      expect(
        () => new StaxEventBus(stack, "B", js({ accountId: ACCOUNT, sourceName: "b", adoptExisting: "false" })),
      ).toThrow("test/B: adoptExisting is the string 'false'");
      expect(
        () =>
          new WebhookTarget(
            stack,
            "W",
            js({ endpoint: "https://e.example.com", auth: WebhookAuth.none(), httpMethod: "post" }),
          ),
      ).toThrow("test/W: httpMethod is 'post'; write 'POST'.");
    });

    it("accepts the right types and tokens for numbers", () => {
      const { stack, bus } = setup();
      const scope = new Construct(stack, "S");
      const days = new TerraformVariable(stack, "days", { type: "number" }).numberValue;
      expect(
        () => new StaxEventRule(scope, "R", { bus, eventPattern: bus.securityEvents.select(), enabled: false }),
      ).not.toThrow();
      expect(() => new SecureQueue(scope, "Q", { messageRetentionSeconds: days, fifo: true })).not.toThrow();
    });
  });

  it("refuses StackSet settings that CloudFormation does not know", () => {
    const { stack } = setup();
    const org = {
      destination: { accountId: "111122223333", region: "ap-southeast-2", eventBusName: "central" },
      eventPattern: ServiceEventPatterns.securityFindings(),
      organizationalUnitIds: ["ou-ab12-cd34ef56"],
      regions: ["us-east-1"],
    };
    expect(() => new OrganizationForwarding(stack, "A", { ...org, callAs: "self" as never })).toThrow(
      "test/A: callAs is 'self'; write 'SELF'.",
    );
    expect(
      () =>
        new OrganizationForwarding(stack, "B", {
          ...org,
          operationPreferences: { regionConcurrency: "SERIAL" as never },
        }),
    ).toThrow("test/B: operationPreferences.regionConcurrency is 'SERIAL'; use one of 'SEQUENTIAL', 'PARALLEL'.");
    expect(() => new OrganizationForwarding(stack, "C", { ...org, autoDeployment: "true" as never })).toThrow(
      "test/C: autoDeployment is the string 'true'; pass true without quotes.",
    );
  });
});

describe("values placed in the StackSet template", () => {
  const org = {
    destination: { accountId: "111122223333", region: "ap-southeast-2", eventBusName: "central" },
    eventPattern: ServiceEventPatterns.securityFindings(),
    organizationalUnitIds: ["ou-ab12-cd34ef56"],
    regions: ["us-east-1"],
  };

  it("refuses misspelt retryPolicy and operationPreferences keys that would be ignored", () => {
    const { stack } = setup();
    expect(
      () => new OrganizationForwarding(stack, "A", { ...org, retryPolicy: { maxRetryAttempts: 5 } as never }),
    ).toThrow(
      "test/A: retryPolicy key 'maxRetryAttempts' is not valid; did you mean 'maximumRetryAttempts'? Valid keys: maximumEventAgeSeconds, maximumRetryAttempts.",
    );
    expect(
      () =>
        new OrganizationForwarding(stack, "B", {
          ...org,
          operationPreferences: { maxConcurrentPercent: 10 } as never,
        }),
    ).toThrow(
      "test/B: operationPreferences key 'maxConcurrentPercent' is not valid; did you mean 'maxConcurrentPercentage'?",
    );
  });

  it("refuses a pattern over 2048 characters without offering an option the construct does not have", () => {
    const { stack } = setup();
    const eventPattern = { source: ["aws.guardduty"], detail: { x: ["y".repeat(2040)] } };
    expect(() => new OrganizationForwarding(stack, "A", { ...org, eventPattern })).toThrow(
      "test/A: pattern: is 2088 characters when rendered; the limit is 2048; split it into several rules (e.g. one per $or alternative or per detail-type)",
    );
    expect(() => new OrganizationForwarding(stack, "B", { ...org, eventPattern })).not.toThrow(/maxPatternLength/);
  });

  it("refuses a token roleRegion, which must be known to order the instances", () => {
    const { stack, token } = setup();
    expect(() => new OrganizationForwarding(stack, "A", { ...org, roleRegion: token("region") })).toThrow(
      "test/A: roleRegion is a token; it must be known at synth time, because it orders the StackSet's instances and picks the region of the role in the template. Pass one of regions as a literal.",
    );
  });

  it("refuses a template over CloudFormation's 51,200-byte TemplateBody", () => {
    const { stack } = setup();
    const huge = {
      AWSTemplateFormatVersion: "2010-09-09",
      Description: "x".repeat(51200),
      Conditions: {},
      Resources: {},
    } as const;
    expect(() => checkTemplateBodySize(stack, huge)).toThrow(
      "test: the StackSet template is 51289 bytes; CloudFormation takes at most 51200 in TemplateBody. Forward a smaller eventPattern (split it over several OrganizationForwarding constructs).",
    );
  });

  it("accepts exact limits and tokens in the template's names", () => {
    const { stack, token } = setup();
    const forwarding = new OrganizationForwarding(stack, "A", {
      ...org,
      roleName: "r".repeat(64),
      ruleName: token("rule"),
      retryPolicy: { maximumEventAgeSeconds: 60, maximumRetryAttempts: 185 },
      operationPreferences: { maxConcurrentPercentage: 100, failureTolerancePercentage: 100 },
    });
    expect(forwarding.template.Resources.ForwardingRole).toBeDefined();
  });
});
