import { sql } from "@gongkai/db";
import type { SearchHit, SearchInput } from "@gongkai/schema";
import type { Context } from "../context";
import { snippet, tsquerySource } from "../search-tokens";

export async function search({
  ctx,
  input,
}: {
  ctx: Context;
  input: Required<Pick<SearchInput, "q" | "kind" | "limit">>;
}): Promise<{ q: string; hits: SearchHit[] }> {
  const query = tsquerySource(input.q);
  if (!query) return { q: input.q, hits: [] };
  const kind = input.kind === "all" ? null : input.kind;
  const result = await ctx.deps.db.readDb.execute(sql`
    SELECT d.kind, d.agency_id, a.name AS agency_name, d.report_id, d.year, d.title, d.body,
           ts_rank(d.tsv, q) + CASE WHEN d.title LIKE ${`%${input.q}%`} THEN 1 ELSE 0 END
             + CASE WHEN d.kind = 'agency' THEN 0.5 ELSE 0 END AS score
    FROM search_documents d
    JOIN agencies a ON a.id = d.agency_id,
         to_tsquery('simple', ${query}) q
    WHERE d.tsv @@ q ${kind ? sql`AND d.kind = ${kind}` : sql``}
    ORDER BY score DESC, d.year DESC NULLS FIRST, d.title
    LIMIT ${input.limit}`);
  const rows = (
    result as unknown as {
      rows: {
        kind: "agency" | "report";
        agency_id: string;
        agency_name: string;
        report_id: string | null;
        year: number | null;
        title: string;
        body: string;
        score: number;
      }[];
    }
  ).rows;
  return {
    q: input.q,
    hits: rows.map((r) => ({
      kind: r.kind,
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      reportId: r.report_id,
      year: r.year === null ? null : Number(r.year),
      title: r.title,
      snippet: r.kind === "report" ? snippet(r.body, input.q) : null,
      score: Number(r.score),
    })),
  };
}
