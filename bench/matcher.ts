/**
 * Matcher throughput over every event of the conformance vectors (test/fixtures/eventbridge-vectors.json).
 *
 * Two figures, each the median of several runs:
 * - compiled: each case's pattern is compiled once (`compilePattern`, not timed), then every event matched;
 * - matches(): `matches(pattern, event)` per event, validating and compiling the pattern on every call.
 *
 * Run with `npx ts-node bench/matcher.ts` (or `npm run bench`). Reports figures; never fails on timing.
 */
import { readFileSync } from "fs";
import * as path from "path";
import { compilePattern, matches, type EventPattern } from "../modules/pattern";

/** Options of `run`. */
export interface MatcherBenchOptions {
  /** Timed runs per figure; the median is reported. @default 7 */
  readonly runs?: number;
  /** Shortest duration of one run, in milliseconds (the event list is replayed until reached). @default 250 */
  readonly minMillis?: number;
  /** Print the figures. @default true */
  readonly print?: boolean;
}

/** The figures `run` measures. */
export interface MatcherBenchResult {
  /** Events in the vectors (one pass). */
  readonly events: number;
  /** Timed runs per figure. */
  readonly runs: number;
  /** Median events per second with patterns compiled once per case. */
  readonly compiledEventsPerSecond: number;
  /** Median events per second through `matches()`, compiling on every call. */
  readonly matchesEventsPerSecond: number;
}

interface Case {
  readonly pattern: EventPattern;
  readonly events: readonly unknown[];
}

function loadCases(): Case[] {
  const file = path.join(__dirname, "..", "test", "fixtures", "eventbridge-vectors.json");
  const vectors = JSON.parse(readFileSync(file, "utf8")) as {
    cases: { pattern: EventPattern; events: { event: unknown }[] }[];
  };
  return vectors.cases.map((c) => ({ pattern: c.pattern, events: c.events.map((e) => e.event) }));
}

/** Runs `pass` (which matches `events` events) repeatedly for at least `minMillis`; returns events per second. */
function measure(pass: () => number, events: number, minMillis: number): number {
  let passes = 0;
  let sink = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  do {
    sink += pass();
    passes++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  } while (elapsed < minMillis);
  if (sink < 0) throw new Error("unreachable");
  return (passes * events) / (elapsed / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function format(n: number): string {
  return Math.round(n).toLocaleString("en-US");
}

/** Measures matcher throughput and returns (and by default prints) the figures. */
export function run(options: MatcherBenchOptions = {}): MatcherBenchResult {
  const runs = options.runs ?? 7;
  const minMillis = options.minMillis ?? 250;
  const cases = loadCases();
  const events = cases.reduce((n, c) => n + c.events.length, 0);
  const compiled = cases.map((c) => ({ compiled: compilePattern(c.pattern), events: c.events }));

  const compiledPass = (): number => {
    let hits = 0;
    for (const c of compiled) for (const e of c.events) if (c.compiled.matches(e)) hits++;
    return hits;
  };
  const matchesPass = (): number => {
    let hits = 0;
    for (const c of cases) for (const e of c.events) if (matches(c.pattern, e)) hits++;
    return hits;
  };

  measure(compiledPass, events, 100); // warm-up
  measure(matchesPass, events, 100);
  const compiledRates: number[] = [];
  const matchesRates: number[] = [];
  for (let i = 0; i < runs; i++) {
    compiledRates.push(measure(compiledPass, events, minMillis));
    matchesRates.push(measure(matchesPass, events, minMillis));
  }
  const result: MatcherBenchResult = {
    events,
    runs,
    compiledEventsPerSecond: median(compiledRates),
    matchesEventsPerSecond: median(matchesRates),
  };
  if (options.print ?? true) {
    console.log(
      `matcher: ${format(result.compiledEventsPerSecond)} events/s (median of ${runs} runs, ${events} events, ` +
        `${cases.length} patterns compiled once)`,
    );
    console.log(
      `matcher: ${format(result.matchesEventsPerSecond)} events/s through matches() (median of ${runs} runs, ` +
        `${events} events, pattern validated and compiled on every call)`,
    );
  }
  return result;
}

if (require.main === module) run();
