import { describe, expect, it } from "vitest";
import { isBlankText, readCell } from "./numbers";

describe("readCell", () => {
  it.each([
    ["217", 217],
    ["２１７", 217],
    [" 1,234 ", 1234],
    ["14,897", 14897],
    ["5件", 5],
    ["0", 0],
    ["12.0", 12],
  ])("reads the count %j as %i", (text, value) => {
    expect(readCell(text, "count")).toEqual({ kind: "value", value });
  });

  it.each(["", " ", "—", "-", "–", "－", "/", "无", "—未填报", "\u00a0"])("reads %j as blank", (text) => {
    expect(readCell(text, "count")).toEqual({ kind: "blank" });
    expect(isBlankText(text)).toBe(true);
  });

  it.each([
    ["217 1", "severalNumbers"],
    ["21 7 1 0", "severalNumbers"],
    ["-3", "negative"],
    ["3.5", "fraction"],
    ["约50", "approximate"],
    ["50余", "approximate"],
    ["1,23", "badGrouping"],
    ["一百", "notNumber"],
    ["2.5万", "wrongUnit"],
    ["99999999999999999999", "tooLarge"],
  ])("leaves %j unread (%s): never guessed", (text, reason) => {
    expect(readCell(text, "count")).toEqual({ kind: "unreadable", reason });
  });

  it("reads signed 本年增/减 cells", () => {
    expect(readCell("-18", "signed")).toEqual({ kind: "value", value: -18 });
    expect(readCell("－15", "signed")).toEqual({ kind: "value", value: -15 });
    expect(readCell("+7", "signed")).toEqual({ kind: "value", value: 7 });
    expect(readCell("减3", "signed")).toEqual({ kind: "value", value: -3 });
    expect(readCell("0", "signed")).toEqual({ kind: "value", value: 0 });
  });

  it("reads money exactly, with the unit written or the column's", () => {
    expect(readCell("251000元", "money")).toEqual({ kind: "value", value: { amount: "251000", unit: "元" } });
    expect(readCell("73802895.90元", "money")).toEqual({ kind: "value", value: { amount: "73802895.90", unit: "元" } });
    expect(readCell("18,651.06 万元", "money")).toEqual({ kind: "value", value: { amount: "18651.06", unit: "万元" } });
    expect(readCell("18651.06", "money", "万元")).toEqual({
      kind: "value",
      value: { amount: "18651.06", unit: "万元" },
    });
    expect(readCell("1234.567891", "money", "万元")).toEqual({
      kind: "value",
      value: { amount: "1234.567891", unit: "万元" },
    });
    expect(readCell("3亿", "money")).toEqual({ kind: "unreadable", reason: "wrongUnit" });
  });
});
