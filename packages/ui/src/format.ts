import type { CellValue, Locale } from "@gongkai/schema/meta";

const intFormat: Record<Locale, Intl.NumberFormat> = {
  zh: new Intl.NumberFormat("zh-CN"),
  en: new Intl.NumberFormat("en-GB"),
};

/** A count as people read it: 12,345; null is "—" (not reported), never 0. */
export function formatCount(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  return intFormat[locale].format(value);
}

/** An exact decimal string with thousands separators, digits kept as written. */
export function formatDecimal(value: string, locale: Locale): string {
  const negative = value.startsWith("-");
  const [whole = "0", fraction] = (negative ? value.slice(1) : value).split(".");
  const grouped = intFormat[locale].format(BigInt(whole));
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

export function formatCell(value: CellValue | undefined, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return formatCount(value, locale);
  return `${formatDecimal(value.amount, locale)} ${value.unit}`;
}

/** A share (0…1) as a percentage with one decimal. */
export function formatShare(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return `${(value * 100).toLocaleString(locale === "zh" ? "zh-CN" : "en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

/** A metric value in its unit: shares as %, decimals exact, counts grouped. */
export function formatMetric(value: number | string | null | undefined, unit: string, locale: Locale): string {
  if (value === null || value === undefined) return "—";
  if (unit === "share") return formatShare(typeof value === "number" ? value : Number(value), locale);
  if (typeof value === "string") return formatDecimal(value, locale);
  return formatCount(value, locale);
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return "—";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return locale === "zh" ? `${y}年${Number(m)}月${Number(d)}日` : `${Number(d)} ${monthsEn[Number(m) - 1] ?? m} ${y}`;
}
const monthsEn = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
