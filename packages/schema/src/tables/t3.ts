import { z } from "zod";
import { CountSchema, cellObject } from "../cells";
import { deniedKeys, notProcessedKeys, otherHandlingKeys2021, t3ColumnKeys, unableKeys } from "../meta/t3";

export * from "../meta/t3";

export const T3RowSchema = cellObject(t3ColumnKeys, CountSchema);
export type T3Row = z.infer<typeof T3RowSchema>;

/** A row an agency added to its table (e.g. a subtotal): kept, warned about (rule 3), ignored in arithmetic. */
export const T3ExtraRowSchema = z.object({
  label: z.string().min(1),
  after: z.string().optional().describe("row path the agency placed it after"),
  cells: T3RowSchema,
});
export type T3ExtraRow = z.infer<typeof T3ExtraRowSchema>;

const common = {
  newReceived: T3RowSchema,
  carriedOver: T3RowSchema,
  granted: T3RowSchema,
  partiallyGranted: T3RowSchema,
  denied: cellObject(deniedKeys, T3RowSchema),
  unable: cellObject(unableKeys, T3RowSchema),
  notProcessed: cellObject(notProcessedKeys, T3RowSchema),
};

export const T3Schema2019 = z.strictObject({
  ...common,
  otherHandling: T3RowSchema,
  handledTotal: T3RowSchema,
  carriedForward: T3RowSchema,
  extraRows: z.array(T3ExtraRowSchema).optional(),
});
export type T3_2019 = z.infer<typeof T3Schema2019>;

export const T3Schema2021 = z.strictObject({
  ...common,
  other: cellObject(otherHandlingKeys2021, T3RowSchema),
  handledTotal: T3RowSchema,
  carriedForward: T3RowSchema,
  extraRows: z.array(T3ExtraRowSchema).optional(),
});
export type T3_2021 = z.infer<typeof T3Schema2021>;
