import { emptyReport, setCell } from "@gongkai/schema";
import { getCell } from "@gongkai/schema/meta";
import { describe, expect, it } from "vitest";
import { mergeDrafts } from "./Conflict";

const base = emptyReport({
  agency: { id: "a", name: "甲", regionCode: "510100", level: "prefecture", kind: "department" },
  year: 2024,
  edition: 2021,
});

describe("mergeDrafts", () => {
  it("keeps both sides' edits when they touch different things", () => {
    const mine = setCell(base, "t3.newReceived.naturalPerson", 5);
    const theirs = {
      ...setCell(base, "t4.review.upheld", 2),
      sections: { ...base.sections, overview: { heading: null, text: "他们写的总体情况" } },
    };
    const { merged, overlaps } = mergeDrafts(base, mine, theirs, "zh");
    expect(overlaps).toEqual([]);
    expect(getCell(merged, "t3.newReceived.naturalPerson")).toBe(5);
    expect(getCell(merged, "t4.review.upheld")).toBe(2);
    expect(merged.sections.overview.text).toBe("他们写的总体情况");
  });
  it("lists what both changed differently, and keeps mine there", () => {
    const mine = setCell(base, "t4.review.upheld", 3);
    const theirs = setCell(base, "t4.review.upheld", 2);
    const { merged, overlaps } = mergeDrafts(base, mine, theirs, "zh");
    expect(getCell(merged, "t4.review.upheld")).toBe(3);
    expect(overlaps.map((o) => [o.key, o.mine, o.theirs])).toEqual([["t4.review.upheld", "3", "2"]]);
  });
  it("does not undo their change where I changed nothing", () => {
    const theirs = setCell(base, "t3.granted.total", 9);
    expect(getCell(mergeDrafts(base, base, theirs, "zh").merged, "t3.granted.total")).toBe(9);
  });
});
