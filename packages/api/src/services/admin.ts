import {
  agencies,
  agencyEvents,
  and,
  asc,
  auditLog,
  cellComments,
  deadlineRules,
  desc,
  type Executor,
  eq,
  gte,
  ilike,
  inArray,
  isNull,
  lte,
  memberships,
  or,
  regions,
  reportFindings,
  reports,
  reportVersions,
  type SQL,
  sql,
  users,
} from "@gongkai/db";
import {
  type AuditEntry,
  type Comment,
  type ComplianceAgency,
  type DeadlineConfig,
  DeadlineConfigSchema,
  isCellPath,
  type Me,
  type Membership,
  type QualityBoard,
  regionPrefix,
  type User,
} from "@gongkai/schema";
import { badRequest, conflict, notFound, precondition } from "../errors";
import { newId } from "../ids";
import {
  assertAdmin,
  assertCanRead,
  assertRole,
  isAdmin,
  isAgencyMember,
  oversees,
  oversightRegions,
} from "../permissions";
import type { AuthedContext } from "../trpc";
import { complianceData } from "./compliance";
import { loadReportRow } from "./drafts";
import { writeSearchDocument } from "./publishing";
import { audit, Deadlines, loadAgency } from "./shared";

export async function membershipsOf(exec: Executor, userIds: readonly string[]): Promise<Map<string, Membership[]>> {
  const out = new Map<string, Membership[]>();
  if (userIds.length === 0) return out;
  const rows = await exec
    .select({
      userId: memberships.userId,
      role: memberships.role,
      agencyId: memberships.agencyId,
      agencyName: agencies.name,
      regionCode: memberships.regionCode,
      regionName: regions.name,
    })
    .from(memberships)
    .leftJoin(agencies, eq(agencies.id, memberships.agencyId))
    .leftJoin(regions, eq(regions.code, memberships.regionCode))
    .where(inArray(memberships.userId, [...userIds]))
    .orderBy(asc(memberships.id));
  for (const r of rows) {
    const list = out.get(r.userId) ?? [];
    list.push({
      role: r.role,
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      regionCode: r.regionCode,
      regionName: r.regionName,
    });
    out.set(r.userId, list);
  }
  return out;
}

/** The viewer behind a session: null if the user does not exist or was deactivated. */
export async function loadViewer(exec: Executor, userId: string) {
  const [user] = await exec.select().from(users).where(eq(users.id, userId));
  if (!user?.active) return null;
  const m = await membershipsOf(exec, [user.id]);
  return { id: user.id, name: user.name, email: user.email, memberships: m.get(user.id) ?? [] };
}

export function me({ ctx }: { ctx: AuthedContext }): Me {
  return { id: ctx.viewer.id, name: ctx.viewer.name, email: ctx.viewer.email, memberships: ctx.viewer.memberships };
}

/** Reports the viewer may see in the console (own agencies; regions overseen; everything for admins). */
export async function listMyReports({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: {
    page: number;
    pageSize: number;
    year?: number | undefined;
    state?: string | undefined;
    agencyId?: string | undefined;
    regionPrefix?: string | undefined;
  };
}) {
  const db = ctx.deps.db.db;
  const own = ctx.viewer.memberships.filter((m) => m.agencyId).map((m) => m.agencyId as string);
  const regionsOverseen = oversightRegions(ctx.viewer);
  const visibility: SQL | undefined = isAdmin(ctx.viewer)
    ? undefined
    : or(
        own.length ? inArray(reports.agencyId, own) : sql`false`,
        ...regionsOverseen.map(
          (r) =>
            sql`(${agencies.regionCode} LIKE ${`${regionPrefix(r)}%`} AND (${reports.state} <> 'draft' OR ${reports.latestVersion} > 0))`,
        ),
      );
  const where = and(
    visibility,
    input.year ? eq(reports.year, input.year) : undefined,
    input.state ? sql`${reports.state} = ${input.state}` : undefined,
    input.agencyId ? eq(reports.agencyId, input.agencyId) : undefined,
    input.regionPrefix ? sql`${agencies.regionCode} LIKE ${`${input.regionPrefix}%`}` : undefined,
  );
  const rows = await db
    .select({
      id: reports.id,
      agencyId: agencies.id,
      agencyName: agencies.name,
      regionCode: agencies.regionCode,
      regionName: regions.name,
      level: agencies.level,
      kind: agencies.kind,
      year: reports.year,
      edition: reports.edition,
      state: reports.state,
      latestVersion: reports.latestVersion,
      errors: reports.errors,
      warnings: reports.warnings,
      updatedAt: reports.updatedAt,
      scheduledAt: reports.scheduledAt,
      openComments: sql<number>`(select count(*)::int from cell_comments c where c.report_id = ${reports.id} and c.resolved_at is null)`,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(where)
    .orderBy(desc(reports.year), asc(agencies.name))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .where(where);
  const deadlines = await Deadlines.load(
    ctx,
    db,
    rows.map((r) => r.regionCode),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      agency: {
        id: r.agencyId,
        name: r.agencyName,
        regionCode: r.regionCode,
        regionName: r.regionName,
        level: r.level,
        kind: r.kind,
      },
      year: r.year,
      edition: r.edition,
      state: r.state,
      latestVersion: r.latestVersion,
      deadline: deadlines.deadline(r, r.year),
      errors: r.errors,
      warnings: r.warnings,
      openComments: r.openComments,
      updatedAt: r.updatedAt.toISOString(),
      scheduledAt: r.scheduledAt?.toISOString() ?? null,
    })),
    total: total?.n ?? 0,
    page: input.page,
    pageSize: input.pageSize,
  };
}

// ---- comments -------------------------------------------------------------------------------

async function commentScope(ctx: AuthedContext, reportId: string) {
  const row = await loadReportRow(ctx.deps.db.db, reportId);
  const agency = await loadAgency(ctx.deps.db.db, row.agencyId);
  const scope = {
    agencyId: row.agencyId,
    regionCode: agency.regionCode,
    state: row.state,
    latestVersion: row.latestVersion,
  };
  assertCanRead(ctx.viewer, scope);
  return { row, agency };
}

function toComment(r: typeof cellComments.$inferSelect & { authorName: string | null }): Comment {
  return {
    id: r.id,
    reportId: r.reportId,
    cell: r.cell,
    section: r.section as Comment["section"],
    parentId: r.parentId,
    body: r.body,
    authorId: r.authorId,
    authorName: r.authorName ?? r.authorId,
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.resolvedBy,
  };
}

export async function addComment({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { reportId: string; cell: string | null; section: string | null; parentId: string | null; body: string };
}): Promise<Comment> {
  const { row, agency } = await commentScope(ctx, input.reportId);
  assertRole(
    isAgencyMember(ctx.viewer, row.agencyId) || oversees(ctx.viewer, agency.regionCode),
    "Only the agency's staff and oversight of its region comment",
    "只有本机关人员和所属地区的监督人员可以评论",
  );
  if (input.cell && !isCellPath(row.edition, input.cell)) {
    throw badRequest(
      `${input.cell} is not a cell of the ${row.edition} edition`,
      `${input.cell} 不是${row.edition}年版格式的单元格`,
    );
  }
  if (input.parentId) {
    const [parent] = await ctx.deps.db.db.select().from(cellComments).where(eq(cellComments.id, input.parentId));
    if (!parent || parent.reportId !== row.id) throw notFound("Comment", "评论");
  }
  const id = newId("cmt");
  const now = ctx.deps.now();
  await ctx.deps.db.db.transaction(async (tx) => {
    await tx.insert(cellComments).values({
      id,
      reportId: row.id,
      cell: input.cell,
      section: input.section,
      parentId: input.parentId,
      body: input.body,
      authorId: ctx.viewer.id,
      createdAt: now,
    });
    await audit(tx, ctx, {
      action: "comment.add",
      entityType: "report",
      entityId: row.id,
      regionCode: agency.regionCode,
      after: { commentId: id, cell: input.cell, section: input.section },
    });
  });
  return {
    id,
    reportId: row.id,
    cell: input.cell,
    section: input.section as Comment["section"],
    parentId: input.parentId,
    body: input.body,
    authorId: ctx.viewer.id,
    authorName: ctx.viewer.name,
    createdAt: now.toISOString(),
    resolvedAt: null,
    resolvedBy: null,
  };
}

export async function listComments({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { reportId: string; includeResolved: boolean };
}): Promise<Comment[]> {
  await commentScope(ctx, input.reportId);
  const rows = await ctx.deps.db.db
    .select({ c: cellComments, authorName: users.name })
    .from(cellComments)
    .leftJoin(users, eq(users.id, cellComments.authorId))
    .where(
      and(
        eq(cellComments.reportId, input.reportId),
        input.includeResolved ? undefined : isNull(cellComments.resolvedAt),
      ),
    )
    .orderBy(asc(cellComments.seq));
  return rows.map((r) => toComment({ ...r.c, authorName: r.authorName }));
}

export async function resolveComment({ ctx, input }: { ctx: AuthedContext; input: { id: string } }): Promise<Comment> {
  const db = ctx.deps.db.db;
  const [c] = await db.select().from(cellComments).where(eq(cellComments.id, input.id));
  if (!c) throw notFound("Comment", "评论");
  const { row, agency } = await commentScope(ctx, c.reportId);
  assertRole(
    isAgencyMember(ctx.viewer, row.agencyId) || oversees(ctx.viewer, agency.regionCode),
    "Only the agency's staff and oversight of its region resolve comments",
    "只有本机关人员和所属地区的监督人员可以关闭评论",
  );
  if (c.resolvedAt) throw precondition("The comment is already resolved", "该评论已关闭");
  const now = ctx.deps.now();
  await db.transaction(async (tx) => {
    await tx.update(cellComments).set({ resolvedAt: now, resolvedBy: ctx.viewer.id }).where(eq(cellComments.id, c.id));
    await audit(tx, ctx, {
      action: "comment.resolve",
      entityType: "report",
      entityId: row.id,
      regionCode: agency.regionCode,
      after: { commentId: c.id },
    });
  });
  return toComment({ ...c, resolvedAt: now, resolvedBy: ctx.viewer.id, authorName: null });
}

// ---- agencies -------------------------------------------------------------------------------

async function agencySearchDoc(exec: Executor, agencyId: string) {
  const a = await loadAgency(exec, agencyId);
  const events = await exec
    .select({ fromName: agencyEvents.fromName })
    .from(agencyEvents)
    .where(eq(agencyEvents.agencyId, agencyId));
  await writeSearchDocument(exec, {
    id: `agency:${a.id}`,
    kind: "agency",
    agencyId: a.id,
    reportId: null,
    year: null,
    title: a.name,
    body: [a.regionName ?? "", ...events.map((e) => e.fromName ?? "")].join(" "),
  });
}

export async function createAgency({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: {
    id: string;
    name: string;
    regionCode: string;
    level: "national" | "provincial" | "prefecture" | "county" | "township";
    kind: (typeof agencies.$inferInsert)["kind"];
    parentId: string | null;
    tracked: boolean;
  };
}) {
  assertAdmin(ctx.viewer);
  return ctx.deps.db.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.id));
    if (exists) throw conflict(`Agency id ${input.id} is taken`, `机关标识 ${input.id} 已被使用`);
    const [region] = await tx.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region) throw badRequest(`Unknown region ${input.regionCode}`, `未知行政区划 ${input.regionCode}`);
    if (input.parentId) await loadAgency(tx, input.parentId);
    const now = ctx.deps.now();
    await tx.insert(agencies).values({ ...input, createdAt: now });
    await tx
      .insert(agencyEvents)
      .values({ agencyId: input.id, kind: "created", date: now.toISOString().slice(0, 10), toName: input.name });
    await agencySearchDoc(tx, input.id);
    await audit(tx, ctx, {
      action: "agency.create",
      entityType: "agency",
      entityId: input.id,
      regionCode: input.regionCode,
      after: input,
    });
    return loadAgency(tx, input.id);
  });
}

export async function updateAgency({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: {
    id: string;
    regionCode?: string | undefined;
    level?: (typeof agencies.$inferInsert)["level"] | undefined;
    kind?: (typeof agencies.$inferInsert)["kind"] | undefined;
    parentId?: string | null | undefined;
    tracked?: boolean | undefined;
  };
}) {
  assertAdmin(ctx.viewer);
  return ctx.deps.db.db.transaction(async (tx) => {
    const before = await loadAgency(tx, input.id);
    const { id, ...patch } = input;
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(clean).length === 0) return before;
    await tx.update(agencies).set(clean).where(eq(agencies.id, id));
    await audit(tx, ctx, {
      action: "agency.update",
      entityType: "agency",
      entityId: id,
      regionCode: before.regionCode,
      before,
      after: clean,
    });
    return loadAgency(tx, id);
  });
}

export async function renameAgency({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string; newName: string; date: string; note?: string | undefined };
}) {
  assertAdmin(ctx.viewer);
  return ctx.deps.db.db.transaction(async (tx) => {
    const before = await loadAgency(tx, input.id);
    if (before.status !== "active") throw precondition("Only an active agency can be renamed", "只有存续机关可以更名");
    if (before.name === input.newName)
      throw badRequest("The new name is the same as the old one", "新名称与原名称相同");
    await tx.update(agencies).set({ name: input.newName }).where(eq(agencies.id, input.id));
    await tx.insert(agencyEvents).values({
      agencyId: input.id,
      kind: "renamed",
      date: input.date,
      fromName: before.name,
      toName: input.newName,
      note: input.note ?? null,
    });
    await agencySearchDoc(tx, input.id);
    await audit(tx, ctx, {
      action: "agency.rename",
      entityType: "agency",
      entityId: input.id,
      regionCode: before.regionCode,
      before: { name: before.name },
      after: { name: input.newName, date: input.date },
    });
    return loadAgency(tx, input.id);
  });
}

export async function mergeAgency({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string; intoId: string; date: string; note?: string | undefined };
}) {
  assertAdmin(ctx.viewer);
  if (input.id === input.intoId) throw badRequest("An agency cannot merge into itself", "机关不能并入自身");
  return ctx.deps.db.db.transaction(async (tx) => {
    const from = await loadAgency(tx, input.id);
    const into = await loadAgency(tx, input.intoId);
    if (from.status !== "active" || into.status !== "active")
      throw precondition("Both agencies must be active", "两个机关都须为存续状态");
    await tx
      .update(agencies)
      .set({ status: "merged", successorId: into.id, endedOn: input.date })
      .where(eq(agencies.id, from.id));
    await tx.insert(agencyEvents).values([
      {
        agencyId: from.id,
        kind: "merged_into",
        date: input.date,
        fromName: from.name,
        toName: into.name,
        otherAgencyId: into.id,
        note: input.note ?? null,
      },
      {
        agencyId: into.id,
        kind: "absorbed",
        date: input.date,
        fromName: from.name,
        toName: into.name,
        otherAgencyId: from.id,
        note: input.note ?? null,
      },
    ]);
    await audit(tx, ctx, {
      action: "agency.merge",
      entityType: "agency",
      entityId: from.id,
      regionCode: from.regionCode,
      after: { into: into.id, date: input.date },
    });
    return loadAgency(tx, from.id);
  });
}

export async function dissolveAgency({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { id: string; date: string; note?: string | undefined };
}) {
  assertAdmin(ctx.viewer);
  return ctx.deps.db.db.transaction(async (tx) => {
    const a = await loadAgency(tx, input.id);
    if (a.status !== "active") throw precondition("Only an active agency can be dissolved", "只有存续机关可以撤销");
    await tx.update(agencies).set({ status: "dissolved", endedOn: input.date }).where(eq(agencies.id, a.id));
    await tx
      .insert(agencyEvents)
      .values({ agencyId: a.id, kind: "dissolved", date: input.date, fromName: a.name, note: input.note ?? null });
    await audit(tx, ctx, {
      action: "agency.dissolve",
      entityType: "agency",
      entityId: a.id,
      regionCode: a.regionCode,
      after: { date: input.date },
    });
    return loadAgency(tx, a.id);
  });
}

// ---- users ----------------------------------------------------------------------------------

type MembershipInput = { role: Membership["role"]; agencyId: string | null; regionCode: string | null };

async function checkMemberships(exec: Executor, list: readonly MembershipInput[]) {
  for (const m of list) {
    if (m.agencyId) await loadAgency(exec, m.agencyId);
    if (m.regionCode) {
      const [r] = await exec.select().from(regions).where(eq(regions.code, m.regionCode));
      if (!r) throw badRequest(`Unknown region ${m.regionCode}`, `未知行政区划 ${m.regionCode}`);
    }
  }
}

export async function listUsers({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { page: number; pageSize: number; query?: string | undefined };
}) {
  assertAdmin(ctx.viewer);
  const db = ctx.deps.db.db;
  const where = input.query
    ? or(ilike(users.name, `%${input.query}%`), ilike(users.email, `%${input.query}%`))
    : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(where)
    .orderBy(asc(users.email))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(users).where(where);
  const m = await membershipsOf(
    db,
    rows.map((r) => r.id),
  );
  const items: User[] = rows.map((u) => ({
    id: u.id,
    name: u.name,
    email: u.email,
    active: u.active,
    memberships: m.get(u.id) ?? [],
    createdAt: u.createdAt.toISOString(),
  }));
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

async function userById(exec: Executor, id: string): Promise<User> {
  const [u] = await exec.select().from(users).where(eq(users.id, id));
  if (!u) throw notFound("User", "用户");
  const m = await membershipsOf(exec, [id]);
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    active: u.active,
    memberships: m.get(u.id) ?? [],
    createdAt: u.createdAt.toISOString(),
  };
}

export async function inviteUser({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { email: string; name: string; password: string; membership: MembershipInput };
}): Promise<User> {
  assertAdmin(ctx.viewer);
  const db = ctx.deps.db.db;
  const email = input.email.toLowerCase();
  const [exists] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (exists) throw conflict(`${email} already has an account`, `${email} 已有账户`);
  await checkMemberships(db, [input.membership]);
  const { id } = await ctx.deps.auth.createUser({ email, name: input.name, password: input.password });
  await db.transaction(async (tx) => {
    await tx.insert(memberships).values({ userId: id, ...input.membership });
    await audit(tx, ctx, {
      action: "user.invite",
      entityType: "user",
      entityId: id,
      after: { email, name: input.name, membership: input.membership },
    });
  });
  return userById(db, id);
}

export async function setUserRoles({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string; memberships: MembershipInput[] };
}): Promise<User> {
  assertAdmin(ctx.viewer);
  const db = ctx.deps.db.db;
  return db.transaction(async (tx) => {
    const before = await userById(tx, input.userId);
    if (input.userId === ctx.viewer.id && !input.memberships.some((m) => m.role === "admin")) {
      throw precondition("You cannot remove your own admin role", "不能移除自己的管理员角色");
    }
    await checkMemberships(tx, input.memberships);
    await tx.delete(memberships).where(eq(memberships.userId, input.userId));
    await tx.insert(memberships).values(input.memberships.map((m) => ({ userId: input.userId, ...m })));
    await audit(tx, ctx, {
      action: "user.setRoles",
      entityType: "user",
      entityId: input.userId,
      before: before.memberships,
      after: input.memberships,
    });
    return userById(tx, input.userId);
  });
}

export async function setUserActive({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { userId: string; active: boolean };
}): Promise<User> {
  assertAdmin(ctx.viewer);
  if (input.userId === ctx.viewer.id && !input.active)
    throw precondition("You cannot deactivate yourself", "不能停用自己的账户");
  const db = ctx.deps.db.db;
  const user = await db.transaction(async (tx) => {
    const before = await userById(tx, input.userId);
    await tx.update(users).set({ active: input.active, updatedAt: ctx.deps.now() }).where(eq(users.id, input.userId));
    await audit(tx, ctx, {
      action: input.active ? "user.reactivate" : "user.deactivate",
      entityType: "user",
      entityId: input.userId,
      before: { active: before.active },
      after: { active: input.active },
    });
    return userById(tx, input.userId);
  });
  if (!input.active) await ctx.deps.auth.revokeSessions(input.userId);
  return user;
}

// ---- audit and compliance -------------------------------------------------------------------

export async function listAudit({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: {
    page: number;
    pageSize: number;
    actorId?: string | undefined;
    action?: string | undefined;
    entityType?: string | undefined;
    entityId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  };
}) {
  const regionsOverseen = oversightRegions(ctx.viewer);
  assertRole(
    isAdmin(ctx.viewer) || regionsOverseen.length > 0,
    "Only administrators and oversight read the audit log",
    "只有管理员和监督人员可以查看审计日志",
  );
  const scope = isAdmin(ctx.viewer)
    ? undefined
    : or(...regionsOverseen.map((r) => sql`${auditLog.regionCode} LIKE ${`${regionPrefix(r)}%`}`));
  const where = and(
    scope,
    input.actorId ? eq(auditLog.actorId, input.actorId) : undefined,
    input.action ? sql`${auditLog.action} LIKE ${`${input.action}%`}` : undefined,
    input.entityType ? eq(auditLog.entityType, input.entityType) : undefined,
    input.entityId ? eq(auditLog.entityId, input.entityId) : undefined,
    input.from ? gte(auditLog.at, new Date(input.from)) : undefined,
    input.to ? lte(auditLog.at, new Date(input.to)) : undefined,
  );
  const db = ctx.deps.db.db;
  const rows = await db
    .select({ a: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(input.pageSize)
    .offset((input.page - 1) * input.pageSize);
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(where);
  const items: AuditEntry[] = rows.map(({ a, actorName }) => ({
    id: a.id,
    at: a.at.toISOString(),
    actorId: a.actorId,
    actorName,
    action: a.action,
    entityType: a.entityType,
    entityId: a.entityId,
    before: a.before,
    after: a.after,
    requestId: a.requestId,
  }));
  return { items, total: total?.n ?? 0, page: input.page, pageSize: input.pageSize };
}

export async function complianceBoard({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { year: number; regionPrefix?: string | undefined };
}) {
  const regionsOverseen = oversightRegions(ctx.viewer);
  assertRole(
    isAdmin(ctx.viewer) || regionsOverseen.length > 0,
    "Only oversight and administrators see the compliance board",
    "只有监督人员和管理员可以查看发布情况",
  );
  let prefix = input.regionPrefix;
  if (!isAdmin(ctx.viewer)) {
    const allowed = regionsOverseen.map(regionPrefix);
    if (prefix === undefined) prefix = allowed[0];
    else if (!allowed.some((a) => (prefix as string).startsWith(a))) {
      // A region outside the viewer's scope looks empty, not forbidden.
      const none = { due: 0, published: 0, onTime: 0, late: 0, missing: 0, pending: 0 };
      return {
        year: input.year,
        asOf: "",
        regionPrefix: prefix,
        totals: none,
        regions: [],
        agencies: [] as ComplianceAgency[],
      };
    }
  }
  input = { ...input, regionPrefix: prefix };
  const data = await complianceData(ctx, input.year, input.regionPrefix);
  return {
    year: input.year,
    asOf: data.today,
    regionPrefix: input.regionPrefix ?? null,
    totals: data.totals,
    regions: data.regions,
    agencies: data.agencies,
  };
}

// ---- deadlines ------------------------------------------------------------------------------

/** Oversight sets deadlines for its own region (and below); admins for any region. */
function assertMayConfigure(ctx: AuthedContext, regionCode: string) {
  assertRole(
    isAdmin(ctx.viewer) || oversightRegions(ctx.viewer).some((r) => regionCode.startsWith(regionPrefix(r))),
    "Only administrators and the region's oversight set its deadlines",
    "只有管理员和本地区监督人员可以设置发布期限",
  );
}

export async function listDeadlineRules({ ctx }: { ctx: AuthedContext }) {
  assertRole(
    isAdmin(ctx.viewer) || oversightRegions(ctx.viewer).length > 0,
    "Only administrators and oversight see deadline rules",
    "只有管理员和监督人员可以查看发布期限设置",
  );
  const rows = await ctx.deps.db.db
    .select({
      regionCode: deadlineRules.regionCode,
      regionName: regions.name,
      config: deadlineRules.config,
      updatedAt: deadlineRules.updatedAt,
    })
    .from(deadlineRules)
    .leftJoin(regions, eq(regions.code, deadlineRules.regionCode))
    .orderBy(asc(deadlineRules.regionCode));
  return rows.map((r) => ({
    ...r,
    config: DeadlineConfigSchema.parse(r.config),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

export async function setDeadlineRule({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { regionCode: string; config: DeadlineConfig };
}) {
  assertMayConfigure(ctx, input.regionCode);
  const db = ctx.deps.db.db;
  const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
  if (!region) throw badRequest(`Unknown region ${input.regionCode}`, `未知行政区划 ${input.regionCode}`);
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(deadlineRules).where(eq(deadlineRules.regionCode, input.regionCode));
    const now = ctx.deps.now();
    await tx
      .insert(deadlineRules)
      .values({ regionCode: input.regionCode, config: input.config, updatedAt: now })
      .onConflictDoUpdate({ target: deadlineRules.regionCode, set: { config: input.config, updatedAt: now } });
    await audit(tx, ctx, {
      action: "deadlines.set",
      entityType: "region",
      entityId: input.regionCode,
      regionCode: input.regionCode,
      before: before?.config ?? null,
      after: input.config,
    });
    return {
      regionCode: input.regionCode,
      regionName: region.name,
      config: input.config,
      updatedAt: now.toISOString(),
    };
  });
}

export async function clearDeadlineRule({ ctx, input }: { ctx: AuthedContext; input: { regionCode: string } }) {
  assertMayConfigure(ctx, input.regionCode);
  await ctx.deps.db.db.transaction(async (tx) => {
    const deleted = await tx.delete(deadlineRules).where(eq(deadlineRules.regionCode, input.regionCode)).returning();
    if (!deleted[0]) throw notFound("Deadline rule", "发布期限设置");
    await audit(tx, ctx, {
      action: "deadlines.clear",
      entityType: "region",
      entityId: input.regionCode,
      regionCode: input.regionCode,
      before: deleted[0].config,
    });
  });
  return { regionCode: input.regionCode };
}

// ---- data quality ---------------------------------------------------------------------------

/**
 * The data-quality board: reports in the viewer's scope (published, or submitted for review)
 * whose numbers fail a rule, and which rules fail most. A draft nobody submitted is not shown.
 */
export async function qualityBoard({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: { year: number; regionPrefix?: string | undefined };
}): Promise<QualityBoard> {
  const regionsOverseen = oversightRegions(ctx.viewer);
  assertRole(
    isAdmin(ctx.viewer) || regionsOverseen.length > 0,
    "Only oversight and administrators see the data-quality board",
    "只有监督人员和管理员可以查看数据质量",
  );
  const conditions: SQL[] = [
    eq(reports.year, input.year),
    or(sql`${reports.state} <> 'draft'`, sql`${reports.latestVersion} > 0`) as SQL,
  ];
  if (!isAdmin(ctx.viewer)) {
    conditions.push(
      or(...regionsOverseen.map((r) => sql`${agencies.regionCode} LIKE ${`${regionPrefix(r)}%`}`)) as SQL,
    );
  }
  if (input.regionPrefix) conditions.push(sql`${agencies.regionCode} LIKE ${`${input.regionPrefix}%`}`);
  const db = ctx.deps.db.db;
  const rows = await db
    .select({
      id: reports.id,
      year: reports.year,
      state: reports.state,
      latestVersion: reports.latestVersion,
      errors: reports.errors,
      warnings: reports.warnings,
      agencyId: agencies.id,
      agencyName: agencies.name,
      regionCode: agencies.regionCode,
      regionName: regions.name,
      level: agencies.level,
      kind: agencies.kind,
    })
    .from(reports)
    .innerJoin(agencies, eq(agencies.id, reports.agencyId))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(and(...conditions));
  // Rules failing in the version the public sees (the latest published one).
  const ids = rows.filter((r) => r.latestVersion > 0).map((r) => r.id);
  const failing =
    ids.length === 0
      ? []
      : await db
          .selectDistinct({
            reportId: reportVersions.reportId,
            ruleId: reportFindings.ruleId,
            severity: reportFindings.severity,
          })
          .from(reportFindings)
          .innerJoin(reportVersions, eq(reportVersions.id, reportFindings.versionId))
          .innerJoin(
            reports,
            and(eq(reports.id, reportVersions.reportId), eq(reports.latestVersion, reportVersions.number)),
          )
          .where(inArray(reportVersions.reportId, ids));
  const rulesByReport = new Map<string, { ruleId: string; severity: "error" | "warning" }[]>();
  const counts = new Map<string, { ruleId: string; severity: "error" | "warning"; reports: number }>();
  for (const f of failing) {
    const list = rulesByReport.get(f.reportId) ?? [];
    list.push({ ruleId: f.ruleId, severity: f.severity });
    rulesByReport.set(f.reportId, list);
    const key = `${f.ruleId}:${f.severity}`;
    const c = counts.get(key) ?? { ruleId: f.ruleId, severity: f.severity, reports: 0 };
    c.reports++;
    counts.set(key, c);
  }
  const items = rows
    .filter((r) => r.errors > 0 || r.warnings > 0)
    .sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || a.agencyName.localeCompare(b.agencyName, "zh"))
    .slice(0, 200)
    .map((r) => ({
      id: r.id,
      agency: {
        id: r.agencyId,
        name: r.agencyName,
        regionCode: r.regionCode,
        regionName: r.regionName,
        level: r.level,
        kind: r.kind,
      },
      year: r.year,
      state: r.state,
      latestVersion: r.latestVersion,
      errors: r.errors,
      warnings: r.warnings,
      rules: [
        ...new Set(
          (rulesByReport.get(r.id) ?? [])
            .sort((a, b) =>
              a.severity === b.severity ? a.ruleId.localeCompare(b.ruleId) : a.severity === "error" ? -1 : 1,
            )
            .map((x) => x.ruleId),
        ),
      ],
    }));
  return {
    year: input.year,
    regionPrefix: input.regionPrefix ?? null,
    reports: rows.length,
    withErrors: rows.filter((r) => r.errors > 0).length,
    withWarnings: rows.filter((r) => r.warnings > 0).length,
    rules: [...counts.values()].sort((a, b) => b.reports - a.reports || a.ruleId.localeCompare(b.ruleId)),
    items,
  };
}
