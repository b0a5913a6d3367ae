/**
 * Exact decimal arithmetic on decimal strings ("18651.06"), for money.
 * Values are held as a BigInt of units at a fixed scale, so sums never drift.
 */
export const DECIMAL_PATTERN = /^(0|[1-9]\d*)(\.\d+)?$/;

export interface ScaledDecimal {
  /** value × 10^scale */
  units: bigint;
  scale: number;
}

export function isDecimalString(value: string): boolean {
  return DECIMAL_PATTERN.test(value);
}

export function parseDecimal(value: string): ScaledDecimal {
  const negative = value.startsWith("-");
  const body = negative ? value.slice(1) : value;
  if (!/^\d+(\.\d+)?$/.test(body)) {
    throw new RangeError(`Not a decimal number: "${value}"`);
  }
  const [whole = "0", fraction = ""] = body.split(".");
  const units = BigInt(whole + fraction) * (negative ? -1n : 1n);
  return { units, scale: fraction.length };
}

function rescale(d: ScaledDecimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

export function formatDecimal(d: ScaledDecimal): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const whole = digits.slice(0, digits.length - d.scale);
  let fraction = d.scale > 0 ? digits.slice(digits.length - d.scale) : "";
  fraction = fraction.replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** Exact sum of decimal strings, normalised (no trailing zeros). */
export function addDecimals(values: readonly string[]): string {
  const parsed = values.map(parseDecimal);
  const scale = Math.max(0, ...parsed.map((p) => p.scale));
  const units = parsed.reduce((sum, p) => sum + rescale(p, scale), 0n);
  return formatDecimal({ units, scale });
}

export function compareDecimals(a: string, b: string): -1 | 0 | 1 {
  const pa = parseDecimal(a);
  const pb = parseDecimal(b);
  const scale = Math.max(pa.scale, pb.scale);
  const ua = rescale(pa, scale);
  const ub = rescale(pb, scale);
  return ua === ub ? 0 : ua < ub ? -1 : 1;
}

/** Multiply by 10^exponent exactly (e.g. 元 → 万元 is exponent −4). */
export function shiftDecimal(value: string, exponent: number): string {
  const p = parseDecimal(value);
  if (exponent >= 0) {
    return formatDecimal({ units: p.units * 10n ** BigInt(exponent), scale: p.scale });
  }
  return formatDecimal({ units: p.units, scale: p.scale - exponent });
}

/** Number of digits after the decimal point as written ("1.50" → 2). */
export function decimalPlaces(value: string): number {
  const dot = value.indexOf(".");
  return dot < 0 ? 0 : value.length - dot - 1;
}

/** For display and charts only: never use the result for sums. */
export function decimalToNumber(value: string): number {
  return Number(value);
}
