import { z } from "zod";
import { DECIMAL_PATTERN } from "./decimal";
import { moneyUnits } from "./meta/cells";

export * from "./meta/cells";

/**
 * A count cell: a whole number ≥ 0, or `null` = not reported.
 * `null` is never the same as 0 (rule 6 warns about blanks).
 */
export const CountSchema = z
  .number({ error: "must be a whole number ≥ 0 or null / 应为不小于0的整数或空" })
  .int({ error: "must be a whole number / 应为整数" })
  .min(0, { error: "must not be negative / 不能为负数" })
  .nullable();
export type Count = z.infer<typeof CountSchema>;

/** 2019 `本年增/减`: a signed whole number, or `null`. */
export const SignedCountSchema = z
  .number({ error: "must be a whole number or null / 应为整数或空" })
  .int({ error: "must be a whole number / 应为整数" })
  .nullable();
export type SignedCount = z.infer<typeof SignedCountSchema>;

export const MoneyUnitSchema = z.enum(moneyUnits);

/** An exact non-negative decimal as a string: "18651.06", "251000". */
export const DecimalStringSchema = z.string().regex(DECIMAL_PATTERN, {
  error: 'must be a non-negative decimal written as a string, e.g. "18651.06" / 应为非负小数（字符串）',
});
export type DecimalString = z.infer<typeof DecimalStringSchema>;

/** A money cell: exact amount with its unit as written, or `null`. */
export const MoneySchema = z
  .object({
    amount: DecimalStringSchema,
    unit: MoneyUnitSchema,
  })
  .nullable();
export type Money = z.infer<typeof MoneySchema>;

/** A zod object whose keys are all the same cell schema; keeps the key types. */
export function cellObject<const K extends readonly string[], S extends z.ZodType>(
  keys: K,
  cell: S,
): z.ZodObject<{ [P in K[number]]: S }, z.core.$strict> {
  const shape = Object.fromEntries(keys.map((k) => [k, cell])) as {
    [P in K[number]]: S;
  };
  return z.strictObject(shape);
}
