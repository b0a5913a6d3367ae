import type { CellType, MoneyUnit, MoneyValue } from "@gongkai/schema/meta";

/** What a table cell holds, read without guessing. */
export type CellRead =
  | { kind: "value"; value: number | MoneyValue }
  | { kind: "blank" }
  /** Text that is not one figure of the cell's type: left null, with the reason. */
  | { kind: "unreadable"; reason: Reason };

export type Reason =
  | "notNumber"
  | "negative"
  | "fraction"
  | "severalNumbers"
  | "tooLarge"
  | "approximate"
  | "wrongUnit"
  | "badGrouping";

// What agencies put in a cell for "nothing": dashes of every width, a slash, 无, our own "未填报".
const BLANK = /^(?:[-—–―－‐‑─/／\\、.。·…*＊]|无|空|暂无|未填报|未报告|不适用|notreported|n\/?a)*$/i;

/** Text of a cell for reading a figure: NFKC (full-width digits), no whitespace. */
function compact(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, "");
}

export function isBlankText(text: string): boolean {
  return BLANK.test(compact(text));
}

const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$/;

function digitsOf(s: string): string | null | "badGrouping" {
  if (PLAIN.test(s)) return s;
  if (/^[\d,]+(?:\.\d+)?$/.test(s)) return GROUPED.test(s) ? s.replace(/,/g, "") : "badGrouping";
  return null;
}

/**
 * Read one cell as the column's type. Counts may carry a unit word (件, 项, 个); money may carry 元 or
 * 万元 (else the column's unit). Several numbers in one cell ("217 1"), a range, "约", "余", a decimal
 * in a count: unreadable — never split or rounded.
 */
export function readCell(text: string, type: CellType, defaultUnit: MoneyUnit = "元"): CellRead {
  const raw = text.normalize("NFKC").trim();
  if (isBlankText(raw)) return { kind: "blank" };
  if (/\d[\s\u00a0\u3000]+\d/.test(raw)) return { kind: "unreadable", reason: "severalNumbers" };
  let s = compact(raw);
  if (/^(约|近|超过|逾|不足|大约)|[余多左右]|以上|以下/.test(s)) return { kind: "unreadable", reason: "approximate" };
  if (type === "money") {
    let unit: MoneyUnit = defaultUnit;
    const m = /^(.*?)(万元|元)$/.exec(s);
    if (m) {
      s = m[1] as string;
      unit = m[2] === "万元" ? "万元" : "元";
    } else if (/[万亿]$/.test(s)) {
      return { kind: "unreadable", reason: "wrongUnit" };
    }
    if (s.startsWith("-") || s.startsWith("−")) return { kind: "unreadable", reason: "negative" };
    const d = digitsOf(s.replace(/^\+/, ""));
    if (d === "badGrouping") return { kind: "unreadable", reason: "badGrouping" };
    if (d === null)
      return { kind: "unreadable", reason: (s.match(/\d+/g)?.length ?? 0) > 1 ? "severalNumbers" : "notNumber" };
    const amount = d.replace(/^0+(?=\d)/, "");
    if (amount.replace(".", "").length > 18) return { kind: "unreadable", reason: "tooLarge" };
    return { kind: "value", value: { amount, unit } };
  }
  s = s.replace(/(件|项|个|次|条|人|家|起|宗)$/, "");
  let sign = 1;
  if (/^[-−－]/.test(s)) {
    sign = -1;
    s = s.slice(1);
  } else if (/^\+/.test(s)) {
    s = s.slice(1);
  } else if (/^(增加|增|减少|减)/.test(s)) {
    if (type !== "signed") return { kind: "unreadable", reason: "notNumber" };
    sign = s.startsWith("减") ? -1 : 1;
    s = s.replace(/^(增加|增|减少|减)/, "");
  }
  const d = digitsOf(s);
  if (d === "badGrouping") return { kind: "unreadable", reason: "badGrouping" };
  if (d === null) {
    if (/[万亿]$/.test(s)) return { kind: "unreadable", reason: "wrongUnit" };
    return { kind: "unreadable", reason: (s.match(/\d+/g)?.length ?? 0) > 1 ? "severalNumbers" : "notNumber" };
  }
  if (d.includes(".")) {
    if (!/^\d+\.0+$/.test(d)) return { kind: "unreadable", reason: "fraction" };
  }
  const whole = d.split(".")[0] as string;
  if (whole.replace(/^0+(?=\d)/, "").length > 15) return { kind: "unreadable", reason: "tooLarge" };
  const value = sign * Number(whole);
  if (value < 0 && type !== "signed") return { kind: "unreadable", reason: "negative" };
  return { kind: "value", value: Object.is(value, -0) ? 0 : value };
}

export const reasonText: Record<Reason, { zh: string; en: string }> = {
  notNumber: { zh: "不是数字", en: "not a number" },
  negative: { zh: "为负数", en: "negative" },
  fraction: { zh: "含小数，应为整数", en: "has decimals where a whole number belongs" },
  severalNumbers: { zh: "一格内有多个数字，未拆分", en: "several numbers in one cell; not split" },
  tooLarge: { zh: "数字过大", en: "number too large" },
  approximate: { zh: "为约数（约、余、以上等）", en: "an approximate figure (约, 余, 以上 …)" },
  wrongUnit: { zh: "单位不符", en: "unit does not fit the column" },
  badGrouping: { zh: "千分位分隔不规范", en: "thousands separators in the wrong places" },
};
