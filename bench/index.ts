/**
 * `npm run bench`: every benchmark of the project, one after the other. Benchmarks report
 * figures; they never pass or fail on timing.
 */
import { run as matcher } from "./matcher";
import { run as forwarding } from "./forwarding";
import { run as policies } from "./policies";

async function main(): Promise<void> {
  await matcher();
  await forwarding();
  policies();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
