/**
 * Synthesis time of the cross-region forwarding example (examples/cross-region-forwarding) for 1, 4
 * and all commercial regions, and the Terraform resources it adds per forwarded region.
 *
 * Each figure is the median of several runs of build + `Testing.synth` (validations included) in
 * this process, after one warm-up run. Run with `npx ts-node bench/forwarding.ts` (or `npm run
 * bench`). Reports figures; never fails on timing.
 */
import { Testing } from "cdktf";
import { buildCrossRegionForwarding, EXAMPLE } from "../examples/cross-region-forwarding/main";
import { AWS_COMMERCIAL_REGIONS } from "../modules/forwarding";

/** Options of `run`. */
export interface ForwardingBenchOptions {
  /** Timed runs per region count; the median is reported. @default 5 */
  readonly runs?: number;
  /** Print the figures. @default true */
  readonly print?: boolean;
}

/** The figures for one region count. */
export interface ForwardingBenchRow {
  /** Regions forwarded. */
  readonly regions: number;
  /** Median milliseconds to build and synthesize the stack. */
  readonly synthMillis: number;
  /** Terraform resources in the synthesized stack. */
  readonly resources: number;
  /** AWS provider blocks in the synthesized stack. */
  readonly providers: number;
}

/** What `run` measures. */
export interface ForwardingBenchResult {
  /** Timed runs per row. */
  readonly runs: number;
  /** One row per region count: 1, 4, all commercial regions. */
  readonly rows: readonly ForwardingBenchRow[];
  /** Terraform resources each forwarded region adds (rule, target, dead-letter queue and its policy). */
  readonly resourcesPerRegion: number;
  /** Resources that do not depend on the number of regions (bus, policy, archive, role, queue, ...). */
  readonly fixedResources: number;
}

/** Regions for a row: the home region first, then the others in the library's order. */
function regionsFor(count: number): string[] {
  const others = AWS_COMMERCIAL_REGIONS.filter((r) => r !== EXAMPLE.homeRegion);
  return [EXAMPLE.homeRegion, ...others].slice(0, count);
}

function synthOnce(regions: readonly string[]): { millis: number; resources: number; providers: number } {
  const start = process.hrtime.bigint();
  const stack = buildCrossRegionForwarding(Testing.app(), { regions });
  const json = JSON.parse(Testing.synth(stack, true));
  const millis = Number(process.hrtime.bigint() - start) / 1e6;
  const resources = Object.values(json.resource as Record<string, object>).reduce(
    (n, byName) => n + Object.keys(byName).length,
    0,
  );
  const providers = ([] as unknown[]).concat(json.provider.aws).length;
  return { millis, resources, providers };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Measures and (by default) prints the figures. */
export function run(options: ForwardingBenchOptions = {}): ForwardingBenchResult {
  const runs = options.runs ?? 5;
  synthOnce(regionsFor(1)); // warm-up: module loading and JIT
  const rows = [1, 4, AWS_COMMERCIAL_REGIONS.length].map((count): ForwardingBenchRow => {
    const regions = regionsFor(count);
    const samples = Array.from({ length: runs }, () => synthOnce(regions));
    return {
      regions: count,
      synthMillis: median(samples.map((s) => s.millis)),
      resources: samples[0].resources,
      providers: samples[0].providers,
    };
  });
  const [one, four] = rows;
  const resourcesPerRegion = (four.resources - one.resources) / (four.regions - one.regions);
  const result = { runs, rows, resourcesPerRegion, fixedResources: one.resources - resourcesPerRegion };
  if (options.print !== false) print(result);
  return result;
}

function print(result: ForwardingBenchResult): void {
  const lines = [
    `forwarding: synthesis of examples/cross-region-forwarding (median of ${result.runs} runs, after a warm-up)`,
    "  regions  synth ms  resources  providers",
    ...result.rows.map(
      (r) =>
        `  ${String(r.regions).padStart(7)}  ${r.synthMillis.toFixed(0).padStart(8)}  ${String(r.resources).padStart(9)}  ${String(r.providers).padStart(9)}`,
    ),
    `  ${result.resourcesPerRegion} Terraform resources per forwarded region (rule, target, dead-letter queue, queue policy); ${result.fixedResources} fixed`,
  ];
  console.log(lines.join("\n"));
}

if (require.main === module) run();
