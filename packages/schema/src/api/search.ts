import { z } from "zod";
import { AgencyIdSchema } from "../agency";
import { ReportIdSchema, YearSchema } from "./common";

export const SearchInputSchema = z.object({
  q: z.string().trim().min(1, { error: "enter something to search for / 请输入搜索内容" }).max(100),
  kind: z.enum(["all", "agency", "report"]).default("all"),
  limit: z.number().int().min(1).max(50).default(20),
});
export type SearchInput = z.input<typeof SearchInputSchema>;

export const SearchHitSchema = z.object({
  kind: z.enum(["agency", "report"]),
  agencyId: AgencyIdSchema,
  agencyName: z.string(),
  reportId: ReportIdSchema.nullable(),
  year: YearSchema.nullable(),
  title: z.string(),
  snippet: z.string().nullable(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;
export const SearchResultSchema = z.object({ q: z.string(), hits: z.array(SearchHitSchema) });
