import { z } from "zod";

export * from "./meta/edition";

export const EditionSchema = z.union([z.literal(2019), z.literal(2021)]);
