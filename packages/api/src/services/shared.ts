import {
  agencies,
  agencyEvents,
  asc,
  auditLog,
  deadlineRules,
  type Executor,
  eq,
  inArray,
  regions,
  sql,
} from "@gongkai/db";
import {
  type AgencyKind,
  type AgencyLevel,
  type DeadlineConfig,
  DeadlineConfigSchema,
  deadlineFor,
  defaultDeadlines,
  regionAncestors,
} from "@gongkai/schema";
import type { Context } from "../context";
import { notFound } from "../errors";

export interface AgencyInfo {
  id: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  level: AgencyLevel;
  kind: AgencyKind;
  status: "active" | "merged" | "dissolved";
  endedOn: string | null;
  tracked: boolean;
}

export async function loadAgency(exec: Executor, agencyId: string): Promise<AgencyInfo> {
  const rows = await exec
    .select({
      id: agencies.id,
      name: agencies.name,
      regionCode: agencies.regionCode,
      regionName: regions.name,
      level: agencies.level,
      kind: agencies.kind,
      status: agencies.status,
      endedOn: agencies.endedOn,
      tracked: agencies.tracked,
    })
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(agencies.id, agencyId));
  const row = rows[0];
  if (!row) throw notFound("Agency", "机关");
  return row;
}

/** Deadlines: the national ones, overridden by the rules of the agency's province, then prefecture. */
export class Deadlines {
  private constructor(
    private readonly national: DeadlineConfig,
    private readonly overrides: ReadonlyMap<string, DeadlineConfig>,
  ) {}

  static async load(ctx: Context, exec: Executor, regionCodes?: readonly string[]): Promise<Deadlines> {
    const national = ctx.deps.deadlines ?? defaultDeadlines;
    const candidates = regionCodes
      ? [...new Set(regionCodes.flatMap((c) => [regionAncestors(c).province, regionAncestors(c).prefecture, c]))]
      : undefined;
    const rows = await exec
      .select()
      .from(deadlineRules)
      .where(candidates ? inArray(deadlineRules.regionCode, candidates.length ? candidates : ["-"]) : undefined);
    const map = new Map<string, DeadlineConfig>();
    for (const r of rows) {
      const parsed = DeadlineConfigSchema.safeParse(r.config);
      if (parsed.success) map.set(r.regionCode, parsed.data);
    }
    return new Deadlines(national, map);
  }

  /** From rows already read (e.g. aggregated into a bigger query). */
  static fromRows(ctx: Context, rows: readonly { regionCode: string; config: unknown }[]): Deadlines {
    const map = new Map<string, DeadlineConfig>();
    for (const r of rows) {
      const parsed = DeadlineConfigSchema.safeParse(r.config);
      if (parsed.success) map.set(r.regionCode, parsed.data);
    }
    return new Deadlines(ctx.deps.deadlines ?? defaultDeadlines, map);
  }

  configFor(regionCode: string): DeadlineConfig {
    const { province, prefecture } = regionAncestors(regionCode);
    return (
      this.overrides.get(regionCode) ?? this.overrides.get(prefecture) ?? this.overrides.get(province) ?? this.national
    );
  }

  deadline(agency: { kind: AgencyKind; level: AgencyLevel; regionCode: string }, year: number): string {
    return deadlineFor(agency, year, this.configFor(agency.regionCode));
  }
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export async function audit(
  exec: Executor,
  ctx: Context,
  entry: {
    action: string;
    entityType: string;
    entityId: string;
    regionCode?: string | null;
    before?: unknown;
    after?: unknown;
  },
): Promise<void> {
  await exec.insert(auditLog).values({
    at: ctx.deps.now(),
    actorId: ctx.viewer?.id ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    regionCode: entry.regionCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: ctx.requestId,
  });
}

/** An agency's renames, mergers and dissolution, oldest first, with the other agency's name. */
export function agencyEventsOf(db: Executor, agencyId: string) {
  return db
    .select({
      kind: agencyEvents.kind,
      date: agencyEvents.date,
      fromName: agencyEvents.fromName,
      toName: agencyEvents.toName,
      otherAgencyId: agencyEvents.otherAgencyId,
      otherAgencyName: sql<string | null>`(select name from agencies o where o.id = ${agencyEvents.otherAgencyId})`,
      note: agencyEvents.note,
    })
    .from(agencyEvents)
    .where(eq(agencyEvents.agencyId, agencyId))
    .orderBy(asc(agencyEvents.date), asc(agencyEvents.id));
}
