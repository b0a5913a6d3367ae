import { agencies, and, asc, eq, ilike, or, regions, type SQL, sql } from "@gongkai/db";
import {
  type AdminAgency,
  type AgencyEvent,
  type AgencyKind,
  type AgencyLevel,
  type AgencyStatus,
  regionPrefix,
} from "@gongkai/schema";
import { notFound } from "../errors";
import { assertRole, isAdmin, oversightRegions } from "../permissions";
import type { AuthedContext } from "../trpc";
import { agencyEventsOf, loadAgency } from "./shared";

/** Admins see every agency; oversight the agencies of the regions it covers. */
function agencyScope(ctx: AuthedContext): SQL | undefined {
  const overseen = oversightRegions(ctx.viewer);
  assertRole(
    isAdmin(ctx.viewer) || overseen.length > 0,
    "Only administrators and oversight list agencies",
    "只有管理员和监督人员可以查看机关列表",
  );
  if (isAdmin(ctx.viewer)) return undefined;
  return or(...overseen.map((r) => sql`${agencies.regionCode} LIKE ${`${regionPrefix(r)}%`}`));
}

const escapeLike = (q: string) => q.replace(/[%_\\]/g, (c) => `\\${c}`);

/** The console's agency list: like the portal's, plus `tracked`, and scoped to the viewer. */
export async function listConsoleAgencies({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: {
    page: number;
    pageSize: number;
    query?: string | undefined;
    regionPrefix?: string | undefined;
    level?: AgencyLevel | undefined;
    kind?: AgencyKind | undefined;
    status?: AgencyStatus | undefined;
  };
}): Promise<{ items: AdminAgency[]; total: number; page: number; pageSize: number }> {
  const scope = agencyScope(ctx);
  const db = ctx.deps.db.db;
  const where = and(
    scope,
    input.query
      ? or(ilike(agencies.name, `%${escapeLike(input.query)}%`), ilike(agencies.id, `%${escapeLike(input.query)}%`))
      : undefined,
    input.regionPrefix ? sql`${agencies.regionCode} LIKE ${`${input.regionPrefix}%`}` : undefined,
    input.level ? eq(agencies.level, input.level) : undefined,
    input.kind ? eq(agencies.kind, input.kind) : undefined,
    input.status ? eq(agencies.status, input.status) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: agencies.id,
        name: agencies.name,
        regionCode: agencies.regionCode,
        regionName: regions.name,
        level: agencies.level,
        kind: agencies.kind,
        parentId: agencies.parentId,
        status: agencies.status,
        successorId: agencies.successorId,
        endedOn: agencies.endedOn,
        tracked: agencies.tracked,
      })
      .from(agencies)
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(where)
      .orderBy(asc(agencies.regionCode), asc(agencies.name))
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(agencies).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

/** An agency's history (created, renamed, merged, dissolved), oldest first. */
export async function consoleAgencyEvents({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string };
}): Promise<AgencyEvent[]> {
  const scope = agencyScope(ctx);
  const db = ctx.deps.db.db;
  const agency = await loadAgency(db, input.id);
  if (scope) {
    const [visible] = await db
      .select({ id: agencies.id })
      .from(agencies)
      .where(and(eq(agencies.id, agency.id), scope));
    // Outside the viewer's regions: absent, like a report they may not read.
    if (!visible) throw notFound("Agency", "机关");
  }
  return agencyEventsOf(db, input.id);
}
