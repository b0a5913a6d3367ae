import { z } from "zod";

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
export const IsoDateSchema = z.iso.date();

export const PageInputSchema = z.object({
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(20),
});
export type PageInput = z.input<typeof PageInputSchema>;

/** A page of results: `items`, the total count and the page it is. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}

export const YearSchema = z.number().int().min(2008).max(2100);

/** Public ids carry a prefix that says what they are: `rpt_…` reports, `usr_…` users. */
export const ReportIdSchema = z.string().regex(/^rpt_[A-Za-z0-9]{8,32}$/, { error: "must be a report id (rpt_…)" });
export const UserIdSchema = z.string().min(1).max(64);
export const CommentIdSchema = z.string().regex(/^cmt_[A-Za-z0-9]{8,32}$/, { error: "must be a comment id (cmt_…)" });
