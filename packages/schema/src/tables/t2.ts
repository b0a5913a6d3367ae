import { z } from "zod";
import { CountSchema, MoneySchema, SignedCountSchema } from "../cells";

export * from "../meta/t2";

/** Table 二 — 主动公开政府信息情况. Two very different editions. */

const docCols2019 = z.strictObject({
  madeNew: CountSchema,
  publishedNew: CountSchema,
  publishedTotal: CountSchema,
});
const itemCols2019 = z.strictObject({
  prevItems: CountSchema,
  delta: SignedCountSchema,
  decisions: CountSchema,
});

export const T2Schema2019 = z.strictObject({
  rules: docCols2019,
  normativeDocs: docCols2019,
  licensing: itemCols2019,
  otherServices: itemCols2019,
  penalties: itemCols2019,
  coercion: itemCols2019,
  fees: z.strictObject({ prevItems: CountSchema, delta: SignedCountSchema }),
  procurement: z.strictObject({ projects: CountSchema, amount: MoneySchema }),
});
export type T2_2019 = z.infer<typeof T2Schema2019>;

const docCols2021 = z.strictObject({
  made: CountSchema,
  repealed: CountSchema,
  inForce: CountSchema,
});
const decisions2021 = z.strictObject({ decisions: CountSchema });

export const T2Schema2021 = z.strictObject({
  rules: docCols2021,
  normativeDocs: docCols2021,
  licensing: decisions2021,
  penalties: decisions2021,
  coercion: decisions2021,
  fees: z.strictObject({ amount: MoneySchema }),
});
export type T2_2021 = z.infer<typeof T2Schema2021>;
