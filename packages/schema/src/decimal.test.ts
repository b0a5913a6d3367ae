import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDecimals,
  compareDecimals,
  decimalPlaces,
  formatDecimal,
  isDecimalString,
  parseDecimal,
  shiftDecimal,
} from "./decimal";

describe("exact decimals", () => {
  it("adds money without float drift", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addDecimals(["0.1", "0.2"])).toBe("0.3");
    expect(addDecimals(["18651.06", "1234.567891", "0.000009"])).toBe("19885.6279");
    expect(addDecimals([])).toBe("0");
  });

  it("converts 元 to 万元 and back exactly", () => {
    expect(shiftDecimal("73802895.90", -4)).toBe("7380.28959");
    expect(shiftDecimal("7380.28959", 4)).toBe("73802895.9");
    expect(shiftDecimal("251000", -4)).toBe("25.1");
  });

  it("compares and counts places", () => {
    expect(compareDecimals("1.50", "1.5")).toBe(0);
    expect(compareDecimals("2", "10")).toBe(-1);
    expect(decimalPlaces("1234.567891")).toBe(6);
    expect(isDecimalString("01.5")).toBe(false);
    expect(isDecimalString("1.")).toBe(false);
    expect(() => parseDecimal("abc")).toThrow(/Not a decimal number/);
  });

  it("sums in any order to the same string (property)", () => {
    const dec = fc
      .tuple(fc.nat({ max: 10_000_000 }), fc.nat({ max: 999_999 }))
      .map(([w, f]) => `${w}.${String(f).padStart(6, "0")}`);
    fc.assert(
      fc.property(fc.array(dec, { maxLength: 30 }), (values) => {
        const forward = addDecimals(values);
        const backward = addDecimals([...values].reverse());
        expect(forward).toBe(backward);
        expect(formatDecimal(parseDecimal(forward))).toBe(forward);
      }),
    );
  });
});
