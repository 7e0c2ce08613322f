/**
 * The renderer: canonical, deterministic JSON with the envelope fields first.
 */
import { renderPattern, type EventPattern } from "../../modules/pattern";

describe("renderPattern", () => {
  it("puts envelope fields first, other top-level fields next, detail then $or last", () => {
    const pattern: EventPattern = {
      $or: [{ b: ["1"] }, { a: ["2"] }],
      detail: { z: ["1"], a: ["2"] },
      zeta: ["z"],
      account: ["1"],
      "detail-type": ["t"],
      source: ["s"],
      alpha: ["a"],
    };
    expect(renderPattern(pattern)).toBe(
      '{"source":["s"],"detail-type":["t"],"account":["1"],"alpha":["a"],"zeta":["z"],' +
        '"detail":{"a":["2"],"z":["1"]},"$or":[{"b":["1"]},{"a":["2"]}]}',
    );
  });

  it("renders the same pattern the same way whatever its key order", () => {
    const a: EventPattern = {
      detail: { status: ["FAILED"], meta: { user: { email: [{ suffix: "@x.com" }] } } },
      source: ["s"],
    };
    const b: EventPattern = {
      source: ["s"],
      detail: { meta: { user: { email: [{ suffix: "@x.com" }] } }, status: ["FAILED"] },
    };
    expect(renderPattern(a)).toBe(renderPattern(b));
  });

  it("keeps list order and the content of operators", () => {
    const pattern: EventPattern = {
      n: [3, 1, { numeric: [">", 0, "<=", 5] }, { "anything-but": { prefix: ["b", "a"] } }],
    };
    expect(JSON.parse(renderPattern(pattern))).toEqual(pattern);
    expect(renderPattern(pattern)).toBe('{"n":[3,1,{"numeric":[">",0,"<=",5]},{"anything-but":{"prefix":["b","a"]}}]}');
  });

  it("re-renders a JSON string canonically", () => {
    expect(renderPattern('{ "detail": {"b": [1], "a": [2]}, "source": ["s"] }')).toBe(
      '{"source":["s"],"detail":{"a":[2],"b":[1]}}',
    );
  });

  it("indents on request", () => {
    expect(renderPattern({ source: ["s"] }, { indent: 2 })).toBe('{\n  "source": [\n    "s"\n  ]\n}');
  });

  it("drops undefined fields, as JSON does", () => {
    expect(renderPattern({ source: ["s"], detail: undefined } as unknown as EventPattern)).toBe('{"source":["s"]}');
  });
});
