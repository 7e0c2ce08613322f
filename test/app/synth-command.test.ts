import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Annotations, Testing, TerraformStack } from "cdktf";
import { synthDefaultApp } from "../../main";
import { cdktfJsonContext, synthReport } from "../../scripts/synth-report";

const root = path.resolve(__dirname, "..", "..");

function withTempDir<T>(run: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stax-synth-"));
  try {
    return run(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function busName(outdir: string, stackName = "stax-security-events"): string {
  const stack = JSON.parse(fs.readFileSync(path.join(outdir, "stacks", stackName, "cdk.tf.json"), "utf8"));
  return (Object.values(stack.resource.aws_cloudwatch_event_bus)[0] as { name: string }).name;
}

describe("npm run synth", () => {
  it("writes the default stack to <outdir>/stacks/<stack>/cdk.tf.json without the cdktf CLI, and says where", () => {
    withTempDir((outdir) => {
      const out = execFileSync("npm", ["run", "--silent", "synth"], {
        cwd: root,
        env: { ...process.env, CDKTF_OUTDIR: outdir },
        encoding: "utf8",
        stdio: "pipe",
      });
      const stack = JSON.parse(
        fs.readFileSync(path.join(outdir, "stacks", "stax-security-events", "cdk.tf.json"), "utf8"),
      );
      expect(Object.keys(stack.resource.aws_cloudwatch_event_rule)).toHaveLength(21);
      expect(out.trim().split("\n")).toEqual([
        `stax-security-events: ${path.relative(root, path.join(outdir, "stacks", "stax-security-events", "cdk.tf.json"))}`,
      ]);
    });
  });

  it("reads the context of cdktf.json itself; the environment still wins", () => {
    withTempDir((dir) => {
      const cdktfJson = path.join(dir, "cdktf.json");
      const context = { staxAccountId: "210987654321", staxSourceName: "audit", staxStackName: "mine" };
      fs.writeFileSync(cdktfJson, JSON.stringify({ language: "typescript", app: "npx ts-node main.ts", context }));
      synthDefaultApp(cdktfJson, {}, path.join(dir, "out"));
      expect(busName(path.join(dir, "out"), "mine")).toBe("aws.partner/stax.io/210987654321/audit");

      synthDefaultApp(cdktfJson, { STAX_SOURCE_NAME: "from-env" }, path.join(dir, "env"));
      expect(busName(path.join(dir, "env"), "mine")).toBe("aws.partner/stax.io/210987654321/from-env");
    });
  });

  it("refuses a cdktf.json whose context is not an object", () => {
    withTempDir((dir) => {
      const cdktfJson = path.join(dir, "cdktf.json");
      fs.writeFileSync(cdktfJson, JSON.stringify({ context: ["staxAccountId"] }));
      expect(() => cdktfJsonContext(cdktfJson)).toThrow(
        `${cdktfJson}: "context" must be an object of settings, e.g. { "staxAccountId": "123456789012" }.`,
      );
    });
  });
});

describe("the synthesis report", () => {
  it("lists each stack's file, then its warnings before other annotations, with construct paths", () => {
    withTempDir((outdir) => {
      const app = Testing.app({ outdir });
      const stack = new TerraformStack(app, "reported");
      Annotations.of(stack).addInfo("for your information");
      Annotations.of(stack).addWarning("us-east-1 is not among the regions");
      app.synth();
      expect(synthReport(app, outdir)).toEqual([
        "reported: stacks/reported/cdk.tf.json",
        "  warning: [reported] us-east-1 is not among the regions",
        "  info: [reported] for your information",
      ]);
    });
  });
});
