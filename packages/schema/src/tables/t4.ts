import type { z } from "zod";
import { CountSchema, cellObject } from "../cells";
import { t4BlockKeys, t4OutcomeKeys } from "../meta/t4";

export * from "../meta/t4";

export const T4BlockSchema = cellObject(t4OutcomeKeys, CountSchema);
export const T4Schema = cellObject(t4BlockKeys, T4BlockSchema);
export type T4 = z.infer<typeof T4Schema>;
export type T4Block = z.infer<typeof T4BlockSchema>;
