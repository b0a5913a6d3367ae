import { describe, expect, it } from "vitest";
import { parseCellInput, parseClipboardBlock } from "./grid";
import { record, redo, start, undo } from "./history";

describe("parseCellInput", () => {
  it("reads counts as typed in Chinese or English input methods", () => {
    expect(parseCellInput("1,234", "count")).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput("１２３", "count")).toEqual({ ok: true, value: 123 });
    expect(parseCellInput(" 7 ", "count")).toEqual({ ok: true, value: 7 });
    expect(parseCellInput("0", "count")).toEqual({ ok: true, value: 0 });
  });
  it("keeps blank (not reported) apart from 0", () => {
    expect(parseCellInput("", "count")).toEqual({ ok: true, value: null });
    expect(parseCellInput("—", "count")).toEqual({ ok: true, value: null });
    expect(parseCellInput("-", "signed")).toEqual({ ok: true, value: null });
  });
  it("refuses what is not a whole number ≥ 0, saying why", () => {
    expect(parseCellInput("-3", "count")).toEqual({ ok: false, reason: "negative" });
    expect(parseCellInput("2.5", "count")).toEqual({ ok: false, reason: "decimal" });
    expect(parseCellInput("21710000218x", "count")).toEqual({ ok: false, reason: "notNumber" });
    expect(parseCellInput("12件", "count")).toEqual({ ok: false, reason: "notNumber" });
  });
  it("allows a negative change in 2019's 本年增/减", () => {
    expect(parseCellInput("-3", "signed")).toEqual({ ok: true, value: -3 });
    expect(parseCellInput("－３", "signed")).toEqual({ ok: true, value: -3 });
    expect(parseCellInput("+2", "signed")).toEqual({ ok: true, value: 2 });
  });
  it("keeps money exact, as a decimal string with its unit", () => {
    expect(parseCellInput("1,234.50", "money")).toEqual({ ok: true, value: { amount: "1234.5", unit: "万元" } });
    expect(parseCellInput("０．３", "money", "元")).toEqual({ ok: true, value: { amount: "0.3", unit: "元" } });
    expect(parseCellInput("12345678901234567890.01", "money")).toEqual({
      ok: true,
      value: { amount: "12345678901234567890.01", unit: "万元" },
    });
    expect(parseCellInput("-1", "money")).toEqual({ ok: false, reason: "negative" });
  });
});

describe("parseClipboardBlock", () => {
  it("splits Excel's tab-separated lines, without the trailing newline as a row", () => {
    expect(parseClipboardBlock("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
    expect(parseClipboardBlock("8")).toEqual([["8"]]);
    expect(parseClipboardBlock("1\t\t3\n")).toEqual([["1", "", "3"]]);
  });
});

describe("undo history", () => {
  it("groups typing into one cell as one step, and undoes and redoes in order", () => {
    let h = start("a");
    h = record(h, "a1", "cell:x", 1000);
    h = record(h, "a12", "cell:x", 1500);
    h = record(h, "a12b", "cell:y", 1600);
    expect(h.past).toEqual(["a", "a12"]);
    h = undo(h);
    expect(h.present).toBe("a12");
    h = undo(h);
    expect(h.present).toBe("a");
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe("a12");
    h = record(h, "z", "cell:z", 9000);
    expect(h.future).toEqual([]);
  });
  it("does not group the same cell after a pause", () => {
    let h = start(0);
    h = record(h, 1, "c", 0);
    h = record(h, 2, "c", 5000);
    expect(h.past).toEqual([0, 1]);
  });
});
