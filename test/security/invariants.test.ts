/**
 * The library's security invariants (see ./invariants.ts), asserted on every stack the suite
 * synthesizes: the default app and every stack of every example, found in examples/ (a new
 * example is covered without a change here). Synthesis is in-process, no terraform.
 */
import { exampleNames } from "../support/examples";
import { INVARIANTS } from "./invariants";
import { terraformModel } from "./model";
import { synthesizedStacks } from "./stacks";

const stacks = synthesizedStacks().map((s) => ({ ...s, model: terraformModel(s.synth) }));

it("walks the default app and every example", () => {
  const walked = new Set(stacks.map((s) => s.name.split("/")[0]));
  expect([...walked].sort()).toEqual(["default-app", ...exampleNames()].sort());
  expect(exampleNames().length).toBeGreaterThanOrEqual(5);
  for (const { model } of stacks) {
    expect(model.statements.length).toBeGreaterThan(0);
    expect(model.targets.length).toBeGreaterThan(0);
  }
});

it("gets no catalogue warning: every pattern and input path of the default app and examples is catalogued", () => {
  const catalogue = /allowUncatalogued/; // every catalogue warning names the opt-out
  expect(stacks.flatMap((s) => s.warnings.filter((w) => catalogue.test(w)))).toEqual([]);
});

describe.each(stacks)("$name", ({ model, exceptions }) => {
  it.each(INVARIANTS.map((invariant) => ({ name: invariant.name, invariant })))("$name", ({ invariant }) => {
    expect(invariant.check(model, exceptions)).toEqual([]);
  });
});
