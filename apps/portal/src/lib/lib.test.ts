import { describe, expect, it } from "vitest";
import { serializeState } from "../state";
import { zhMessages } from "./messages";
import { enMessages } from "./messages.en";
import { compareInput, compareSearch, compareSelection } from "./queries";
import { int, isBadRequest, isNotFound, list, oneOf, str } from "./search";

describe("portal messages", () => {
  it("English has every Chinese key and nothing else, none of them empty", () => {
    expect(Object.keys(enMessages).sort()).toEqual(Object.keys(zhMessages).sort());
    for (const [key, text] of [...Object.entries(zhMessages), ...Object.entries(enMessages)])
      expect(text.trim(), key).not.toBe("");
  });
  it("uses the same placeholders in both languages", () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(zhMessages) as (keyof typeof zhMessages)[])
      expect(vars(enMessages[key]), key).toEqual(vars(zhMessages[key]));
  });
});

describe("URL parameters", () => {
  it("read strings, integers, lists and choices defensively", () => {
    expect(str("  平潭 ")).toBe("平潭");
    expect(str("   ")).toBeUndefined();
    expect(int("2019")).toBe(2019);
    expect(int("20x9")).toBeUndefined();
    expect(int(-1)).toBe(-1);
    expect(list("a, b,,c")).toEqual(["a", "b", "c"]);
    expect(list(undefined)).toEqual([]);
    expect(oneOf("region", ["year", "region"] as const)).toBe("region");
    expect(oneOf("galaxy", ["year", "region"] as const)).toBeUndefined();
  });
  it("keep a comparison as short comma lists and read it back", () => {
    const selection = { agencies: ["a", "b"], years: [2019, 2020], metrics: [] };
    expect(compareSearch(selection)).toEqual({ agencies: "a,b", years: "2019,2020", metrics: undefined });
    expect(compareSelection(compareSearch(selection))).toEqual(selection);
    // No years chosen: the latest year whose reports are due (2024 reports are due in 2025).
    expect(compareInput(compareSelection({ agencies: "a" }), "2025-06-01").years).toEqual([2024]);
  });
  it("tells API answers apart, whether thrown on the server or in the browser", () => {
    expect(isNotFound({ code: "NOT_FOUND" })).toBe(true);
    expect(isNotFound({ data: { code: "NOT_FOUND" } })).toBe(true);
    expect(isBadRequest({ data: { code: "BAD_REQUEST" } })).toBe(true);
    expect(isNotFound(new Error("network"))).toBe(false);
  });
});

describe("server state in the page", () => {
  it("cannot close its <script> element early, whatever the data says", () => {
    const json = serializeState({
      locale: "zh",
      today: "2025-01-01",
      queries: {
        mutations: [],
        queries: [
          {
            queryKey: ["x"],
            queryHash: "x",
            dehydratedAt: 0,
            state: { data: "</script><script>alert(1)</script>\u2028" } as never,
          },
        ],
      },
    });
    expect(json).not.toContain("</script");
    expect(json).not.toContain("\u2028");
    expect(JSON.parse(json).queries.queries[0].state.data).toBe("</script><script>alert(1)</script>\u2028");
  });
});
