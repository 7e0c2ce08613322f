import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");

describe("npm run synth", () => {
  it("writes the default stack to <outdir>/stacks/<stack>/cdk.tf.json without the cdktf CLI", () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), "stax-synth-"));
    try {
      execFileSync("npm", ["run", "--silent", "synth"], {
        cwd: root,
        env: { ...process.env, CDKTF_OUTDIR: outdir },
        stdio: "pipe",
      });
      const stack = JSON.parse(
        fs.readFileSync(path.join(outdir, "stacks", "stax-security-events", "cdk.tf.json"), "utf8"),
      );
      expect(Object.keys(stack.resource.aws_cloudwatch_event_rule)).toHaveLength(21);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
