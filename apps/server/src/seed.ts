import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import {
  type AuthPort,
  type BulkReport,
  bulkLoadReports,
  createContext,
  type Deps,
  importPublishedReport,
  indexAgencies,
} from "@gongkai/api";
import { agencies, agencyEvents, bulkInsert, type DbHandle, eq, memberships, regions, users } from "@gongkai/db";
import { demoAgencies, demoAgencyEvents, demoRegions, demoReports } from "@gongkai/db/demo";
import { type Report, ReportSchema, type Role } from "@gongkai/schema";
import { generateConsistentReport, seededRandom } from "@gongkai/schema/testing";

/** The real published reports kept as test fixtures, loaded as the real agencies' reports. */
export const realReportFiles = [
  "sichuan-emergency-management-2019",
  "pingtan-2020",
  "pingtan-2024",
  "shanghai-szfbgt-2019",
] as const;

const fixturesDir = join(
  dirname(createRequire(import.meta.url).resolve("@gongkai/schema/package.json")),
  "test",
  "fixtures",
);

export function realReport(name: (typeof realReportFiles)[number]): Report {
  return ReportSchema.parse(JSON.parse(readFileSync(join(fixturesDir, `${name}.json`), "utf8")));
}

export const DEMO_PASSWORD = "gongkai-demo-2026";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  agencyId?: string;
  regionCode?: string;
}

export interface Progress {
  step(label: string): void;
  tick?(done: number, total: number): void;
}

export async function isEmpty(db: DbHandle): Promise<boolean> {
  const rows = await db.query<{ n: string }>("select count(*) as n from regions");
  return Number(rows[0]?.n ?? 0) === 0;
}

/** Regions, agencies and their history, and agency search documents (idempotent). */
export async function seedReference(db: DbHandle): Promise<void> {
  const regionRows = demoRegions();
  await db.db.transaction(async (tx) => {
    await bulkInsert(
      tx,
      "regions",
      [
        { name: "code", type: "text" },
        { name: "name", type: "text" },
        { name: "parent_code", type: "text" },
        { name: "level", type: "region_level" },
      ],
      regionRows.map((r) => [r.code, r.name, r.parentCode, r.level]),
      { onConflict: sqlNothing },
    );
    const list = demoAgencies();
    await bulkInsert(
      tx,
      "agencies",
      [
        { name: "id", type: "text" },
        { name: "name", type: "text" },
        { name: "region_code", type: "text" },
        { name: "level", type: "agency_level" },
        { name: "kind", type: "agency_kind" },
        { name: "parent_id", type: "text" },
        { name: "tracked", type: "boolean" },
        { name: "created_at", type: "timestamptz" },
      ],
      list.map((a) => [
        a.id,
        a.name,
        a.regionCode,
        a.level,
        a.kind,
        null,
        a.tracked ? "true" : "false",
        "2018-01-01T00:00:00Z",
      ]),
      { onConflict: sqlNothing },
    );
    for (const a of list) {
      if (a.parentId) await tx.update(agencies).set({ parentId: a.parentId }).where(eq(agencies.id, a.id));
    }
    const events = demoAgencyEvents();
    const existing = await tx.select({ id: agencyEvents.id }).from(agencyEvents).limit(1);
    if (existing.length === 0 && events.length) {
      await tx.insert(agencyEvents).values(
        events.map((e) => ({
          agencyId: e.agencyId,
          kind: e.kind,
          date: e.date,
          fromName: e.fromName,
          toName: e.toName,
          otherAgencyId: e.otherAgencyId,
          note: e.note,
        })),
      );
      for (const e of events) {
        if (e.kind === "merged_into" && e.otherAgencyId) {
          await tx
            .update(agencies)
            .set({ status: "merged", successorId: e.otherAgencyId, endedOn: e.date })
            .where(eq(agencies.id, e.agencyId));
        } else if (e.kind === "dissolved") {
          await tx.update(agencies).set({ status: "dissolved", endedOn: e.date }).where(eq(agencies.id, e.agencyId));
        }
      }
    }
    const regionName = new Map(regionRows.map((r) => [r.code, r.name]));
    const formerNames = new Map<string, string[]>();
    for (const e of events)
      if (e.kind === "renamed" && e.fromName)
        formerNames.set(e.agencyId, [...(formerNames.get(e.agencyId) ?? []), e.fromName]);
    await indexAgencies(
      tx,
      list.map((a) => ({
        id: a.id,
        name: a.name,
        regionName: regionName.get(a.regionCode) ?? null,
        formerNames: formerNames.get(a.id) ?? [],
      })),
    );
  });
}

import { sql } from "@gongkai/db";

const sqlNothing = sql`ON CONFLICT DO NOTHING`;

/** The demo accounts, one per role (listed in the README). */
export function demoAccounts(): DemoAccount[] {
  const list = demoAgencies();
  const editorAgency =
    list.find((a) => a.name === "成都市应急管理局") ??
    list.find((a) => a.tracked && a.kind === "department" && a.regionCode === "510100");
  const agencyId = editorAgency?.id ?? list.find((a) => a.tracked)?.id;
  return [
    { email: "admin@gongkai.demo", name: "平台管理员", role: "admin" },
    { email: "oversight@gongkai.demo", name: "四川省政务公开办", role: "oversight", regionCode: "510000" },
    ...(agencyId
      ? [
          { email: "editor@gongkai.demo", name: "信息公开编辑", role: "editor" as const, agencyId },
          { email: "approver@gongkai.demo", name: "信息公开审核", role: "approver" as const, agencyId },
        ]
      : []),
  ];
}

export async function seedAccounts(
  db: DbHandle,
  auth: AuthPort,
  accounts: readonly DemoAccount[],
  password = DEMO_PASSWORD,
): Promise<void> {
  for (const a of accounts) {
    const [exists] = await db.db.select({ id: users.id }).from(users).where(eq(users.email, a.email));
    const id = exists?.id ?? (await auth.createUser({ email: a.email, name: a.name, password })).id;
    if (!exists)
      await db.db
        .insert(memberships)
        .values({ userId: id, role: a.role, agencyId: a.agencyId ?? null, regionCode: a.regionCode ?? null });
  }
}

/** Everything `pnpm start` puts into an empty database. */
export async function seedDemo(
  deps: Deps,
  progress: Progress,
  options: { today?: string } = {},
): Promise<{ reports: number }> {
  const db = deps.db;
  progress.step("regions and agencies");
  await seedReference(db);
  progress.step("demo reports 2019–2025");
  const plans = demoReports({
    agencies: demoAgencies(),
    seed: 2026,
    today: options.today ?? deps.now().toISOString().slice(0, 10),
  });
  const items: BulkReport[] = plans.map((p) => ({ content: p.report, state: p.state }));
  // The demo editor's agency gets no 2025 report, so the console can show creating one.
  const editor = demoAccounts().find((a) => a.role === "editor");
  const filtered = items.filter((i) => !(editor && i.content.agency.id === editor.agencyId && i.content.year === 2025));
  const { loaded } = await bulkLoadReports(db, filtered, { onProgress: (d, t) => progress.tick?.(d, t) });
  progress.step("real reports (四川省应急管理厅 2019, 平潭 2020 and 2024, 上海 2019)");
  const ctx = createContext(deps, { viewer: null, requestId: "seed" });
  for (const name of realReportFiles) await importPublishedReport(ctx, { content: realReport(name) });
  progress.step("demo accounts");
  await seedAccounts(db, deps.auth, demoAccounts());
  return { reports: loaded + realReportFiles.length };
}

/** N synthetic published reports spread over the demo agencies (benchmarks, load tests). */
export async function seedSynthetic(deps: Deps, n: number, progress: Progress): Promise<number> {
  await seedReference(deps.db);
  const list = demoAgencies().filter((a) => a.tracked);
  const rows = await deps.db.query<{ agency_id: string; year: number }>("select agency_id, year from reports");
  const taken = new Set(rows.map((r) => `${r.agency_id}|${r.year}`));
  const items: BulkReport[] = [];
  let i = 0;
  for (let year = 2019; items.length < n && year <= 2100; year++) {
    for (const a of list) {
      if (items.length >= n) break;
      if (taken.has(`${a.id}|${year}`)) continue;
      const content = generateConsistentReport({
        edition: year <= 2020 ? 2019 : 2021,
        random: seededRandom(i++),
        year,
        agency: { id: a.id, name: a.name, regionCode: a.regionCode, level: a.level, kind: a.kind },
      });
      items.push({ content: { ...content, publicationDate: `${year + 1}-01-20` }, state: "published" });
    }
  }
  const { loaded } = await bulkLoadReports(deps.db, items, { onProgress: (d, t) => progress.tick?.(d, t) });
  return loaded;
}

export { agencies, regions };
