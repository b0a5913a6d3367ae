import { and, cellComments, desc, type Executor, eq, isNull, reports, reportVersions, sql } from "@gongkai/db";
import {
  type Acknowledgement,
  type DraftReport,
  editionForYear,
  emptyReport,
  type Finding,
  getCell,
  type Report,
  ReportSchema,
  setCell,
  t3ColumnKeys,
  type VersionInfo,
  validateReport,
} from "@gongkai/schema";
import { badRequest, conflict, notFound, precondition } from "../errors";
import { newId } from "../ids";
import { assertCanRead, assertRole, isApprover, isEditor } from "../permissions";
import type { AuthedContext } from "../trpc";
import { contentHash, diffReports, freezeVersion, qualityOf } from "./publishing";
import { type AgencyInfo, audit, Deadlines, isoDate, loadAgency } from "./shared";

/** A report row with its working content resolved (null in storage = the latest version's). */
type ReportRow = Omit<typeof reports.$inferSelect, "content"> & { content: Report };

export async function loadReportRow(exec: Executor, id: string, forUpdate = false): Promise<ReportRow> {
  const q = exec.select().from(reports).where(eq(reports.id, id));
  const rows = forUpdate ? await q.for("update") : await q;
  const row = rows[0];
  if (!row) throw notFound("Report", "报告");
  if (row.content) return { ...row, content: row.content };
  const [version] = await exec
    .select({ content: reportVersions.content })
    .from(reportVersions)
    .where(and(eq(reportVersions.reportId, id), eq(reportVersions.number, row.latestVersion)));
  if (!version) throw new Error(`report ${id} has neither a draft nor a published version`);
  return { ...row, content: version.content };
}

async function scopeOf(exec: Executor, row: ReportRow): Promise<AgencyInfo> {
  return loadAgency(exec, row.agencyId);
}

/** The same agency's latest published content for the year before (rules 10, 16, 17, 23). */
export async function previousYearContent(exec: Executor, agencyId: string, year: number): Promise<Report | null> {
  const rows = await exec
    .select({ content: reportVersions.content })
    .from(reportVersions)
    .innerJoin(reports, eq(reports.id, reportVersions.reportId))
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year - 1)))
    .orderBy(desc(reportVersions.number))
    .limit(1);
  return rows[0]?.content ?? null;
}

export async function versionInfos(exec: Executor, reportId: string): Promise<VersionInfo[]> {
  const rows = await exec
    .select({
      number: reportVersions.number,
      publishedAt: reportVersions.publishedAt,
      contentHash: reportVersions.contentHash,
      correctionReason: reportVersions.correctionReason,
      changes: reportVersions.changes,
      signoff: reportVersions.signoff,
    })
    .from(reportVersions)
    .where(eq(reportVersions.reportId, reportId))
    .orderBy(reportVersions.number);
  return rows.map((r) => ({
    number: r.number,
    publishedAt: r.publishedAt.toISOString(),
    contentHash: r.contentHash,
    correctionReason: r.correctionReason,
    changes: r.changes,
    signedOffBy: r.signoff?.name ?? null,
  }));
}

/** Findings as they would be if the report were published now (so lateness shows while drafting). */
/** What the rules need besides the report itself: last year's report and the region's deadlines. */
async function ruleInputs(ctx: AuthedContext, exec: Executor, agency: AgencyInfo, year: number) {
  const deadlines = await Deadlines.load(ctx, exec, [agency.regionCode]);
  const previous = await previousYearContent(exec, agency.id, year);
  return { previous, deadlines: deadlines.configFor(agency.regionCode) };
}

async function findingsFor(
  ctx: AuthedContext,
  exec: Executor,
  agency: AgencyInfo,
  content: Report,
): Promise<Finding[]> {
  const inputs = await ruleInputs(ctx, exec, agency, content.year);
  const asPublished = { ...content, publicationDate: content.publicationDate ?? isoDate(ctx.deps.now()) };
  return validateReport(asPublished, inputs);
}

async function toDraft(ctx: AuthedContext, exec: Executor, row: ReportRow, agency: AgencyInfo): Promise<DraftReport> {
  const deadlines = await Deadlines.load(ctx, exec, [agency.regionCode]);
  const findings = await findingsFor(ctx, exec, agency, row.content);
  const inputs = await ruleInputs(ctx, exec, agency, row.year);
  const [open] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(cellComments)
    .where(and(eq(cellComments.reportId, row.id), isNull(cellComments.resolvedAt)));
  return {
    id: row.id,
    agency: {
      id: agency.id,
      name: agency.name,
      regionCode: agency.regionCode,
      regionName: agency.regionName,
      level: agency.level,
      kind: agency.kind,
    },
    year: row.year,
    edition: row.edition,
    state: row.state,
    lockVersion: row.lockVersion,
    content: row.content,
    findings,
    prefilled: row.prefilled,
    latestVersion: row.latestVersion,
    versions: await versionInfos(exec, row.id),
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    correctionReason: row.correctionReason,
    openComments: open?.n ?? 0,
    deadline: deadlines.deadline(agency, row.year),
    updatedAt: row.updatedAt.toISOString(),
    ruleInputs: { previous: inputs.previous ?? null, deadlines: inputs.deadlines ?? null },
  };
}

const scope = (row: ReportRow, agency: AgencyInfo) => ({
  agencyId: row.agencyId,
  regionCode: agency.regionCode,
  state: row.state,
  latestVersion: row.latestVersion,
});

export async function getDraft({ ctx, input }: { ctx: AuthedContext; input: { id: string } }): Promise<DraftReport> {
  const exec = ctx.deps.db.db;
  const row = await loadReportRow(exec, input.id);
  const agency = await scopeOf(exec, row);
  assertCanRead(ctx.viewer, scope(row, agency));
  return toDraft(ctx, exec, row, agency);
}

export async function createReport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { agencyId: string; year: number };
}): Promise<DraftReport> {
  return ctx.deps.db.db.transaction(async (tx) => {
    const agency = await loadAgency(tx, input.agencyId).catch(() => {
      throw notFound("Agency", "机关");
    });
    if (!isEditor(ctx.viewer, agency.id)) {
      if (isApprover(ctx.viewer, agency.id)) {
        assertRole(false, "Only editors create reports", "只有编辑人员可以新建报告");
      }
      throw notFound("Agency", "机关");
    }
    if (agency.status !== "active") {
      throw precondition(`${agency.name} is no longer active (${agency.status})`, `${agency.name}已撤并，不能新建报告`);
    }
    const edition = editionForYear(input.year);
    if (edition === null) {
      throw badRequest(
        `${input.year} predates the national format (2019 onward)`,
        `${input.year}年度早于全国统一格式（2019年起）`,
      );
    }
    const existing = await tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.agencyId, agency.id), eq(reports.year, input.year)));
    if (existing[0]) {
      throw conflict(`${agency.name} already has a ${input.year} report`, `${agency.name}已有${input.year}年度报告`, {
        id: existing[0].id,
      });
    }
    let content: Report = emptyReport({
      agency: {
        id: agency.id,
        name: agency.name,
        regionCode: agency.regionCode,
        level: agency.level,
        kind: agency.kind,
      },
      year: input.year,
      edition,
    });
    content = { ...content, title: `${agency.name}${input.year}年政府信息公开工作年度报告` };
    // 上年结转 comes from last year's published 结转下年度继续办理.
    const previous = await previousYearContent(tx, agency.id, input.year);
    const prefilled: string[] = [];
    if (previous) {
      for (const col of t3ColumnKeys) {
        const value = getCell(previous, `t3.carriedForward.${col}`);
        if (typeof value === "number") {
          content = setCell(content, `t3.carriedOver.${col}`, value);
          prefilled.push(`t3.carriedOver.${col}`);
        }
      }
    }
    const id = newId("rpt");
    const now = ctx.deps.now();
    const [row] = await tx
      .insert(reports)
      .values({
        id,
        agencyId: agency.id,
        year: input.year,
        edition,
        content,
        prefilled,
        createdBy: ctx.viewer.id,
        updatedBy: ctx.viewer.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, ctx, {
      action: "report.create",
      entityType: "report",
      entityId: id,
      regionCode: agency.regionCode,
      after: { agencyId: agency.id, year: input.year, edition, prefilled },
    });
    return toDraft(ctx, tx, { ...row, content }, agency);
  });
}

/** The envelope fields the console may not change: they come from the agency and the report row. */
function checkEnvelope(row: ReportRow, agency: AgencyInfo, content: Report): Report {
  if (content.year !== row.year || content.edition !== row.edition) {
    throw badRequest(
      `This report is the ${row.year} report in the ${row.edition} edition; the content says ${content.year} / ${content.edition}`,
      `此报告为${row.year}年度、${row.edition}年版；提交的内容为${content.year}年度、${content.edition}年版`,
    );
  }
  if (content.agency.id !== agency.id) {
    throw badRequest("The content belongs to another agency", "提交的内容属于其他机关");
  }
  return {
    ...content,
    agency: { id: agency.id, name: agency.name, regionCode: agency.regionCode, level: agency.level, kind: agency.kind },
    status: row.state,
    publicationDate: row.publicationDate,
  };
}

function staleConflict(row: ReportRow, expected: number) {
  return conflict(
    `The report was changed by someone else (your version ${expected}, now ${row.lockVersion}); nothing was overwritten`,
    `报告已被他人修改（您的版本 ${expected}，当前版本 ${row.lockVersion}），未覆盖任何内容`,
    {
      lockVersion: row.lockVersion,
      content: row.content,
      updatedAt: row.updatedAt.toISOString(),
      updatedBy: row.updatedBy,
    },
  );
}

interface Guard {
  /** Who may act, given the agency id. */
  allowed: (agencyId: string) => boolean;
  roleEn: string;
  roleZh: string;
  from: readonly ReportRow["state"][];
  /** Checked when given: a stale lock version is a CONFLICT. */
  lockVersion?: number;
}

/**
 * The start of every state change: lock the row, hide it from those who may not read it, refuse
 * those who may read but not act, and refuse a wrong state or a stale lock version.
 */
async function lockForChange(
  ctx: AuthedContext,
  tx: Executor,
  id: string,
  guard: Guard,
): Promise<{ row: ReportRow; agency: AgencyInfo }> {
  const row = await loadReportRow(tx, id, true);
  const agency = await scopeOf(tx, row);
  assertCanRead(ctx.viewer, scope(row, agency));
  assertRole(guard.allowed(agency.id), guard.roleEn, guard.roleZh);
  if (!guard.from.includes(row.state)) {
    throw precondition(
      `The report is ${row.state}; this needs it to be ${guard.from.join(" or ")}`,
      `报告处于“${stateZh[row.state]}”状态，不能执行此操作（须为${guard.from.map((s) => `“${stateZh[s]}”`).join("或")}）`,
      { state: row.state },
    );
  }
  if (guard.lockVersion !== undefined && row.lockVersion !== guard.lockVersion)
    throw staleConflict(row, guard.lockVersion);
  return { row, agency };
}

export async function saveDraft({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string; lockVersion: number; content: Report };
}): Promise<DraftReport> {
  return ctx.deps.db.db.transaction(async (tx) => {
    const { row, agency } = await lockForChange(ctx, tx, input.id, {
      allowed: (a) => isEditor(ctx.viewer, a),
      roleEn: "Only the agency's editors edit its report",
      roleZh: "只有本机关编辑人员可以修改报告",
      from: ["draft"],
      lockVersion: input.lockVersion,
    });
    const content = checkEnvelope(row, agency, ReportSchema.parse(input.content));
    const findings = await findingsFor(ctx, tx, agency, content);
    const q = qualityOf(findings);
    const now = ctx.deps.now();
    const updated = await tx
      .update(reports)
      .set({
        content,
        lockVersion: row.lockVersion + 1,
        errors: q.errors,
        warnings: q.warnings,
        updatedAt: now,
        updatedBy: ctx.viewer.id,
      })
      .where(and(eq(reports.id, row.id), eq(reports.lockVersion, input.lockVersion)))
      .returning();
    const saved = updated[0];
    if (!saved) throw staleConflict(await loadReportRow(tx, row.id), input.lockVersion);
    const changes = diffReports(row.content, content);
    await audit(tx, ctx, {
      action: "report.save",
      entityType: "report",
      entityId: row.id,
      regionCode: agency.regionCode,
      before: { lockVersion: row.lockVersion },
      after: { lockVersion: saved.lockVersion, changes: changes.slice(0, 200), changed: changes.length },
    });
    return toDraft(ctx, tx, { ...saved, content }, agency);
  });
}

export async function validateDraft({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string; content?: Report | undefined };
}): Promise<Finding[]> {
  const exec = ctx.deps.db.db;
  const row = await loadReportRow(exec, input.id);
  const agency = await scopeOf(exec, row);
  assertCanRead(ctx.viewer, scope(row, agency));
  const content = input.content ? checkEnvelope(row, agency, input.content) : row.content;
  return findingsFor(ctx, exec, agency, content);
}

const stateZh: Record<ReportRow["state"], string> = {
  draft: "草稿",
  submitted: "已提交",
  approved: "已审核",
  scheduled: "已安排发布",
  published: "已发布",
};

const ackKey = (ruleId: string, cells: readonly string[]) => `${ruleId}|${[...cells].sort().join(",")}`;

/** Errors block; every warning needs a written acknowledgement (cells [] covers a whole rule). */
export function checkAcknowledgements(findings: readonly Finding[], acks: readonly Acknowledgement[]): void {
  const errors = findings.filter((f) => f.severity === "error");
  if (errors.length) {
    throw precondition(
      `${errors.length} error(s) must be fixed first: ${errors
        .slice(0, 3)
        .map((f) => f.message.en)
        .join(" ")}`,
      `须先修正 ${errors.length} 个错误：${errors
        .slice(0, 3)
        .map((f) => f.message.zh)
        .join("")}`,
      { errors },
    );
  }
  const wholeRules = new Set(acks.filter((a) => a.cells.length === 0).map((a) => a.ruleId));
  const keys = new Set(acks.map((a) => ackKey(a.ruleId, a.cells)));
  const missing = findings.filter(
    (f) => f.severity === "warning" && !wholeRules.has(f.ruleId) && !keys.has(ackKey(f.ruleId, f.cells)),
  );
  if (missing.length) {
    throw precondition(
      `${missing.length} warning(s) need a written acknowledgement`,
      `有 ${missing.length} 个提示需要书面说明`,
      { unacknowledged: missing },
    );
  }
}

async function transition(
  ctx: AuthedContext,
  input: { id: string; lockVersion: number },
  spec: {
    allowed: (agencyId: string) => boolean;
    roleEn: string;
    roleZh: string;
    from: readonly ReportRow["state"][];
    action: string;
    run: (tx: Executor, row: ReportRow, agency: AgencyInfo) => Promise<Partial<typeof reports.$inferInsert> | null>;
  },
): Promise<DraftReport> {
  return ctx.deps.db.db.transaction(async (tx) => {
    const { row, agency } = await lockForChange(ctx, tx, input.id, { ...spec, lockVersion: input.lockVersion });
    const patch = await spec.run(tx, row, agency);
    if (patch) {
      await tx
        .update(reports)
        .set({ ...patch, lockVersion: row.lockVersion + 1, updatedAt: ctx.deps.now(), updatedBy: ctx.viewer.id })
        .where(eq(reports.id, row.id));
    }
    const after = await loadReportRow(tx, row.id);
    await audit(tx, ctx, {
      action: spec.action,
      entityType: "report",
      entityId: row.id,
      regionCode: agency.regionCode,
      before: { state: row.state, lockVersion: row.lockVersion },
      after: {
        state: after.state,
        lockVersion: after.lockVersion,
        ...(patch?.scheduledAt ? { scheduledAt: after.scheduledAt } : {}),
      },
    });
    return toDraft(ctx, tx, after, agency);
  });
}

export function submitReport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string; lockVersion: number; acknowledgements: Acknowledgement[] };
}) {
  return transition(ctx, input, {
    allowed: (a) => isEditor(ctx.viewer, a),
    roleEn: "Only the agency's editors submit its report",
    roleZh: "只有本机关编辑人员可以提交报告",
    from: ["draft"],
    action: "report.submit",
    run: async (tx, row, agency) => {
      checkAcknowledgements(await findingsFor(ctx, tx, agency, row.content), input.acknowledgements);
      return { state: "submitted", scheduledAcknowledgements: input.acknowledgements };
    },
  });
}

export function approveReport({ ctx, input }: { ctx: AuthedContext; input: { id: string; lockVersion: number } }) {
  return transition(ctx, input, {
    allowed: (a) => isApprover(ctx.viewer, a),
    roleEn: "Only the agency's approvers approve its report",
    roleZh: "只有本机关审核人员可以审核通过报告",
    from: ["submitted"],
    action: "report.approve",
    run: async (tx, row, agency) => {
      const errors = (await findingsFor(ctx, tx, agency, row.content)).filter((f) => f.severity === "error");
      if (errors.length)
        throw precondition(`${errors.length} error(s) remain`, `仍有 ${errors.length} 个错误`, { errors });
      return { state: "approved" };
    },
  });
}

export function sendBackReport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: {
    id: string;
    lockVersion: number;
    message: string;
    comments: { cell: string | null; section: string | null; body: string }[];
  };
}) {
  return transition(ctx, input, {
    allowed: (a) => isApprover(ctx.viewer, a),
    roleEn: "Only the agency's approvers send a report back",
    roleZh: "只有本机关审核人员可以退回报告",
    from: ["submitted", "approved", "scheduled"],
    action: "report.sendBack",
    run: async (tx, row) => {
      const now = ctx.deps.now();
      const rows = [{ cell: null, section: null, body: input.message }, ...input.comments].map((c) => ({
        id: newId("cmt"),
        reportId: row.id,
        cell: c.cell,
        section: c.section,
        body: c.body,
        authorId: ctx.viewer.id,
        createdAt: now,
      }));
      await tx.insert(cellComments).values(rows);
      return { state: "draft", scheduledAt: null, scheduledBy: null };
    },
  });
}

export async function publishReport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string; lockVersion: number; acknowledgements: Acknowledgement[]; at?: string | undefined };
}): Promise<DraftReport> {
  const at = input.at ? new Date(input.at) : null;
  const now = ctx.deps.now();
  if (at && at.getTime() > now.getTime()) {
    return transition(ctx, input, {
      allowed: (a) => isApprover(ctx.viewer, a),
      roleEn: "Only the agency's approvers publish its report",
      roleZh: "只有本机关审核人员可以发布报告",
      from: ["approved", "scheduled"],
      action: "report.schedule",
      run: async (tx, row, agency) => {
        checkAcknowledgements(await findingsFor(ctx, tx, agency, row.content), input.acknowledgements);
        return {
          state: "scheduled",
          scheduledAt: at,
          scheduledBy: ctx.viewer.id,
          scheduledAcknowledgements: input.acknowledgements,
        };
      },
    });
  }
  return ctx.deps.db.db.transaction(async (tx) => {
    const { row, agency } = await lockForChange(ctx, tx, input.id, {
      allowed: (a) => isApprover(ctx.viewer, a),
      roleEn: "Only the agency's approvers publish its report",
      roleZh: "只有本机关审核人员可以发布报告",
      from: ["approved", "scheduled"],
      lockVersion: input.lockVersion,
    });
    const version = await freeze(
      ctx,
      tx,
      row,
      agency,
      { userId: ctx.viewer.id, name: ctx.viewer.name, acknowledgements: input.acknowledgements },
      now,
    );
    await audit(tx, ctx, {
      action: "report.publish",
      entityType: "report",
      entityId: row.id,
      regionCode: agency.regionCode,
      before: { state: row.state, latestVersion: row.latestVersion },
      after: { state: "published", version: version.number, contentHash: version.hash },
    });
    return toDraft(ctx, tx, await loadReportRow(tx, row.id), agency);
  });
}

/** Checks, signs off and freezes the draft as the next version (inside a transaction). */
async function freeze(
  ctx: { deps: AuthedContext["deps"] } & Pick<AuthedContext, "requestId" | "viewer">,
  tx: Executor,
  row: ReportRow,
  agency: AgencyInfo,
  signer: { userId: string; name: string; acknowledgements: Acknowledgement[] },
  now: Date,
) {
  const deadlines = await Deadlines.load(ctx as AuthedContext, tx, [agency.regionCode]);
  const previousYear = await previousYearContent(tx, agency.id, row.year);
  const content: Report = {
    ...row.content,
    status: "published",
    publicationDate: row.publicationDate ?? isoDate(now),
  };
  const findings = validateReport(content, {
    previous: previousYear,
    deadlines: deadlines.configFor(agency.regionCode),
  });
  checkAcknowledgements(findings, signer.acknowledgements);
  const prevRows = row.latestVersion
    ? await tx
        .select()
        .from(reportVersions)
        .where(and(eq(reportVersions.reportId, row.id), eq(reportVersions.number, row.latestVersion)))
    : [];
  const prev = prevRows[0];
  return freezeVersion(tx, {
    reportId: row.id,
    agency,
    content,
    previousVersion: prev ? { id: prev.id, number: prev.number, content: prev.content } : null,
    previousYear,
    publishedAt: now,
    publishedBy: signer.userId,
    signoff: {
      userId: signer.userId,
      name: signer.name,
      at: now.toISOString(),
      contentHash: contentHash(content),
      acknowledgements: signer.acknowledgements,
    },
    correctionReason: row.correctionReason,
    deadlines: deadlines.configFor(agency.regionCode),
  });
}

/** Publishes every scheduled report whose time has come; safe to run on several servers at once. */
export async function runScheduledPublications(ctx: {
  deps: AuthedContext["deps"];
  requestId: string | null;
}): Promise<number> {
  const now = ctx.deps.now();
  let published = 0;
  for (;;) {
    const done = await ctx.deps.db.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(reports)
        .where(and(eq(reports.state, "scheduled"), sql`${reports.scheduledAt} <= ${now.toISOString()}`))
        .limit(1)
        .for("update", { skipLocked: true });
      const locked = rows[0];
      if (!locked) return false;
      const row = await loadReportRow(tx, locked.id);
      const agency = await loadAgency(tx, row.agencyId);
      const signerId = row.scheduledBy ?? "system";
      const signer = await tx.execute(sql`select name from users where id = ${signerId}`);
      const name = (signer as unknown as { rows: { name: string }[] }).rows[0]?.name ?? signerId;
      const sysCtx = {
        deps: ctx.deps,
        requestId: ctx.requestId,
        viewer: { id: signerId, name, email: "", memberships: [] },
      };
      try {
        const version = await freeze(
          sysCtx,
          tx,
          row,
          agency,
          { userId: signerId, name, acknowledgements: row.scheduledAcknowledgements ?? [] },
          now,
        );
        await audit(tx, sysCtx as AuthedContext, {
          action: "report.publishScheduled",
          entityType: "report",
          entityId: row.id,
          regionCode: agency.regionCode,
          after: { version: version.number, contentHash: version.hash },
        });
      } catch (e) {
        // The content no longer passes (e.g. a rule changed): back to approved, with the reason logged.
        await tx
          .update(reports)
          .set({ state: "approved", scheduledAt: null, lockVersion: row.lockVersion + 1 })
          .where(eq(reports.id, row.id));
        await audit(tx, sysCtx as AuthedContext, {
          action: "report.scheduleFailed",
          entityType: "report",
          entityId: row.id,
          regionCode: agency.regionCode,
          after: { error: (e as Error).message },
        });
      }
      return true;
    });
    if (!done) break;
    published++;
  }
  return published;
}

export function correctReport({ ctx, input }: { ctx: AuthedContext; input: { id: string; reason: string } }) {
  return ctx.deps.db.db.transaction(async (tx) => {
    const { row, agency } = await lockForChange(ctx, tx, input.id, {
      allowed: (a) => isApprover(ctx.viewer, a),
      roleEn: "Only the agency's approvers start a correction",
      roleZh: "只有本机关审核人员可以更正已发布报告",
      from: ["published"],
    });
    await tx
      .update(reports)
      .set({
        state: "draft",
        correctionReason: input.reason,
        lockVersion: row.lockVersion + 1,
        updatedAt: ctx.deps.now(),
        updatedBy: ctx.viewer.id,
      })
      .where(eq(reports.id, row.id));
    await audit(tx, ctx, {
      action: "report.correct",
      entityType: "report",
      entityId: row.id,
      regionCode: agency.regionCode,
      before: { state: row.state },
      after: { state: "draft", reason: input.reason },
    });
    return toDraft(ctx, tx, await loadReportRow(tx, row.id), agency);
  });
}
