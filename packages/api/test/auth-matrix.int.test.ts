import { reports } from "@gongkai/db";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context";
import { newId } from "../src/ids";
import { consistentContent } from "./content";
import { type AdminCaller, createWorld, type TestWorld } from "./harness";

/**
 * Every admin procedure × every kind of viewer: anonymous, editor and approver of the report's own
 * agency and of another agency, oversight of the agency's region and of another region, platform
 * admin. Forgetting a role check makes one of these cells fail.
 */
type Who =
  | "anonymous"
  | "editorOwn"
  | "editorOther"
  | "approverOwn"
  | "approverOther"
  | "oversightOwn"
  | "oversightOther"
  | "admin";
type Outcome = "ok" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
const everyone: Who[] = [
  "anonymous",
  "editorOwn",
  "editorOther",
  "approverOwn",
  "approverOther",
  "oversightOwn",
  "oversightOther",
  "admin",
];

let w: TestWorld;
const viewers = {} as Record<Exclude<Who, "anonymous">, Viewer>;
let seq = 0;
let slot = 0;
/** Report fixtures need a free (agency, year): spread them over several agencies of the same staff. */
const ownAgencies = 4;
const nextSlot = () => {
  const n = slot++;
  return { agencyId: `own-${n % ownAgencies}`, year: 2019 + Math.floor(n / ownAgencies) };
};

beforeAll(async () => {
  w = await createWorld({ now: "2025-01-10T02:00:00Z" });
  await w.region("510000", "四川省");
  await w.region("330000", "浙江省");
  await w.agency({ id: "own-agency", name: "本机关", regionCode: "510000" });
  for (let i = 0; i < ownAgencies; i++)
    await w.agency({ id: `own-${i}`, name: `本系统机关${i}`, regionCode: "510000" });
  await w.agency({ id: "other-agency", name: "外省机关", regionCode: "330000" });
  const own = ["own-agency", ...Array.from({ length: ownAgencies }, (_, i) => `own-${i}`)];
  viewers.editorOwn = await w.user(
    "本机关编辑",
    own.map((agencyId) => ({ role: "editor" as const, agencyId })),
  );
  viewers.approverOwn = await w.user(
    "本机关审核",
    own.map((agencyId) => ({ role: "approver" as const, agencyId })),
  );
  viewers.editorOther = await w.user("外机关编辑", [{ role: "editor", agencyId: "other-agency" }]);
  viewers.approverOther = await w.user("外机关审核", [{ role: "approver", agencyId: "other-agency" }]);
  viewers.oversightOwn = await w.user("四川监督", [{ role: "oversight", regionCode: "510000" }]);
  viewers.oversightOther = await w.user("浙江监督", [{ role: "oversight", regionCode: "330000" }]);
  viewers.admin = await w.user("平台管理员", [{ role: "admin" }]);
}, 60_000);

afterAll(async () => {
  await w?.close();
});

/** A report of own-agency in a given state, inserted directly (the workflow itself is tested elsewhere). */
async function reportIn(
  state: "draft" | "submitted" | "approved" | "published",
): Promise<{ id: string; lockVersion: number }> {
  const { agencyId, year } = nextSlot();
  if (state === "published") {
    const id = await w.publish({
      editor: viewers.editorOwn,
      approver: viewers.approverOwn,
      agencyId,
      year,
      content: (d) => consistentContent(d, year),
    });
    const [row] = await w.handle.query<{ lock_version: number }>("select lock_version from reports where id = $1", [
      id,
    ]);
    return { id, lockVersion: row?.lock_version ?? 0 };
  }
  const draft = await w.admin(viewers.editorOwn).reports.create({ agencyId, year });
  const content = consistentContent(draft.content, year);
  const id = draft.id;
  await w.handle.db
    .update(reports)
    .set({
      content: {
        ...content,
        sections: { ...content.sections, other: { heading: null, text: "本年度未收取信息处理费。" } },
      },
      state,
    })
    .where(eqId(id));
  return { id, lockVersion: draft.lockVersion };
}

import { eq } from "@gongkai/db";

const eqId = (id: string) => eq(reports.id, id);

const acksFor = async (id: string) => {
  const findings = await w.admin(viewers.admin).reports.validate({ id });
  return [...new Set(findings.filter((f) => f.severity === "warning").map((f) => f.ruleId))].map((ruleId) => ({
    ruleId,
    cells: [] as string[],
    note: "已核实",
  }));
};

/** A small plain-text report of an agency and year, as the console would upload it. */
function textUpload(agency: string, year: number) {
  const text = [
    `${agency}${year}年政府信息公开工作年度报告`,
    "一、总体情况",
    `${year}年，本机关推进政务公开工作。`,
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "一是公开内容仍需丰富。",
    "六、其他需要报告的事项",
    "本年度未收取信息处理费。",
  ].join("\n");
  return { filename: "report.txt", mediaType: "text/plain", contentBase64: Buffer.from(text).toString("base64") };
}

interface Case {
  name: string;
  expect: Partial<Record<Who, Outcome>> & { default: Outcome };
  call: (api: AdminCaller) => Promise<unknown>;
}

const deadlineConfig = {
  default: "01-25",
  consolidated: { national: "03-31", provincial: "03-31", prefecture: "03-10", county: "02-20", township: "01-31" },
  verticalSystem: "03-31",
};
const onlyAdmin = { default: "FORBIDDEN" as Outcome, admin: "ok" as Outcome };
const readersOfSubmitted = {
  default: "NOT_FOUND" as Outcome,
  editorOwn: "ok" as Outcome,
  approverOwn: "ok" as Outcome,
  oversightOwn: "ok" as Outcome,
  admin: "ok" as Outcome,
};

const cases: Case[] = [
  { name: "me", expect: { default: "ok" }, call: (api) => api.me() },
  { name: "reports.list", expect: { default: "ok" }, call: (api) => api.reports.list({}) },
  {
    name: "reports.create",
    expect: {
      default: "FORBIDDEN",
      editorOwn: "ok",
      editorOther: "NOT_FOUND",
      approverOther: "NOT_FOUND",
      oversightOwn: "NOT_FOUND",
      oversightOther: "NOT_FOUND",
      admin: "NOT_FOUND",
    },
    call: (api) => api.reports.create({ agencyId: "own-agency", year: 2019 + seq++ }),
  },
  {
    name: "reports.get (draft)",
    expect: { default: "NOT_FOUND", editorOwn: "ok", approverOwn: "ok", admin: "ok" },
    call: async (api) => api.reports.get({ id: (await reportIn("draft")).id }),
  },
  {
    name: "reports.get (submitted)",
    expect: readersOfSubmitted,
    call: async (api) => api.reports.get({ id: (await reportIn("submitted")).id }),
  },
  {
    name: "reports.validate (draft)",
    expect: { default: "NOT_FOUND", editorOwn: "ok", approverOwn: "ok", admin: "ok" },
    call: async (api) => api.reports.validate({ id: (await reportIn("draft")).id }),
  },
  {
    name: "reports.save (draft)",
    expect: { default: "NOT_FOUND", editorOwn: "ok", approverOwn: "FORBIDDEN", admin: "FORBIDDEN" },
    call: async (api) => {
      const r = await reportIn("draft");
      const current = await w.admin(viewers.editorOwn).reports.get({ id: r.id });
      return api.reports.save({ id: r.id, lockVersion: current.lockVersion, content: current.content });
    },
  },
  {
    name: "reports.submit (draft)",
    expect: { default: "NOT_FOUND", editorOwn: "ok", approverOwn: "FORBIDDEN", admin: "FORBIDDEN" },
    call: async (api) => {
      const r = await reportIn("draft");
      return api.reports.submit({ id: r.id, lockVersion: r.lockVersion, acknowledgements: await acksFor(r.id) });
    },
  },
  {
    name: "reports.approve (submitted)",
    expect: {
      ...readersOfSubmitted,
      approverOwn: "ok",
      editorOwn: "FORBIDDEN",
      oversightOwn: "FORBIDDEN",
      admin: "FORBIDDEN",
    },
    call: async (api) => {
      const r = await reportIn("submitted");
      return api.reports.approve({ id: r.id, lockVersion: r.lockVersion });
    },
  },
  {
    name: "reports.sendBack (submitted)",
    expect: {
      ...readersOfSubmitted,
      approverOwn: "ok",
      editorOwn: "FORBIDDEN",
      oversightOwn: "FORBIDDEN",
      admin: "FORBIDDEN",
    },
    call: async (api) => {
      const r = await reportIn("submitted");
      return api.reports.sendBack({ id: r.id, lockVersion: r.lockVersion, message: "请修改", comments: [] });
    },
  },
  {
    name: "reports.publish (approved)",
    expect: {
      ...readersOfSubmitted,
      approverOwn: "ok",
      editorOwn: "FORBIDDEN",
      oversightOwn: "FORBIDDEN",
      admin: "FORBIDDEN",
    },
    call: async (api) => {
      const r = await reportIn("approved");
      return api.reports.publish({ id: r.id, lockVersion: r.lockVersion, acknowledgements: await acksFor(r.id) });
    },
  },
  {
    name: "reports.correct (published)",
    expect: {
      ...readersOfSubmitted,
      approverOwn: "ok",
      editorOwn: "FORBIDDEN",
      oversightOwn: "FORBIDDEN",
      admin: "FORBIDDEN",
    },
    call: async (api) => api.reports.correct({ id: (await reportIn("published")).id, reason: "更正统计口径错误" }),
  },
  {
    name: "imports.preview",
    expect: { default: "FORBIDDEN", editorOwn: "ok", editorOther: "ok" },
    call: (api) => api.imports.preview(textUpload("本机关", 2024)),
  },
  {
    // The same as reports.create: editors of the agency only.
    name: "imports.accept",
    expect: {
      default: "FORBIDDEN",
      editorOwn: "ok",
      editorOther: "NOT_FOUND",
      approverOther: "NOT_FOUND",
      oversightOwn: "NOT_FOUND",
      oversightOther: "NOT_FOUND",
      admin: "NOT_FOUND",
    },
    call: (api) => {
      const year = 2019 + seq++;
      return api.imports.accept({ ...textUpload("本机关", year), agencyId: "own-agency" });
    },
  },
  {
    name: "comments.add",
    expect: { ...readersOfSubmitted, admin: "FORBIDDEN" },
    call: async (api) =>
      api.comments.add({ reportId: (await reportIn("submitted")).id, cell: "t3.granted.total", body: "请核对" }),
  },
  {
    name: "comments.list",
    expect: readersOfSubmitted,
    call: async (api) => api.comments.list({ reportId: (await reportIn("submitted")).id }),
  },
  {
    name: "comments.resolve",
    expect: { ...readersOfSubmitted, admin: "FORBIDDEN" },
    call: async (api) => {
      const r = await reportIn("submitted");
      const c = await w.admin(viewers.approverOwn).comments.add({ reportId: r.id, cell: null, body: "请核对" });
      return api.comments.resolve({ id: c.id });
    },
  },
  {
    name: "agencies.create",
    expect: onlyAdmin,
    call: (api) =>
      api.agencies.create({
        id: `new-agency-${seq++}`,
        name: "新设机关",
        regionCode: "510000",
        level: "provincial",
        kind: "department",
      }),
  },
  {
    name: "agencies.update",
    expect: onlyAdmin,
    call: (api) => api.agencies.update({ id: "own-agency", kind: "department" }),
  },
  {
    name: "agencies.rename",
    expect: onlyAdmin,
    call: async (api) => {
      const id = `ren-${seq++}`;
      await w.agency({ id, name: "旧名称局", regionCode: "510000" });
      return api.agencies.rename({ id, newName: "新名称局", date: "2024-03-01" });
    },
  },
  {
    name: "agencies.merge",
    expect: onlyAdmin,
    call: async (api) => {
      const a = `mrg-a-${seq}`;
      const b = `mrg-b-${seq++}`;
      await w.agency({ id: a, name: "被并入局", regionCode: "510000" });
      await w.agency({ id: b, name: "存续局", regionCode: "510000" });
      return api.agencies.merge({ id: a, intoId: b, date: "2024-03-01" });
    },
  },
  {
    name: "agencies.dissolve",
    expect: onlyAdmin,
    call: async (api) => {
      const id = `dis-${seq++}`;
      await w.agency({ id, name: "撤销局", regionCode: "510000" });
      return api.agencies.dissolve({ id, date: "2024-03-01" });
    },
  },
  { name: "agencies.get", expect: { default: "ok" }, call: (api) => api.agencies.get({ id: "own-agency" }) },
  {
    name: "agencies.list",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", oversightOther: "ok", admin: "ok" },
    call: (api) => api.agencies.list({}),
  },
  {
    name: "agencies.events",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", oversightOther: "NOT_FOUND", admin: "ok" },
    call: (api) => api.agencies.events({ id: "own-agency" }),
  },
  { name: "regions.tree", expect: { default: "ok" }, call: (api) => api.regions.tree() },
  { name: "users.list", expect: onlyAdmin, call: (api) => api.users.list({}) },
  {
    name: "users.invite",
    expect: onlyAdmin,
    call: (api) =>
      api.users.invite({
        email: `invitee${seq++}@example.gov.cn`,
        name: "新用户",
        password: "a-long-enough-password",
        membership: { role: "editor", agencyId: "own-agency" },
      }),
  },
  {
    name: "users.setRoles",
    expect: onlyAdmin,
    call: async (api) => {
      const u = await w.user("待调整", [{ role: "editor", agencyId: "own-agency" }]);
      return api.users.setRoles({ userId: u.id, memberships: [{ role: "approver", agencyId: "own-agency" }] });
    },
  },
  {
    name: "users.setActive",
    expect: onlyAdmin,
    call: async (api) => {
      const u = await w.user("待停用", [{ role: "editor", agencyId: "own-agency" }]);
      return api.users.setActive({ userId: u.id, active: false });
    },
  },
  {
    name: "audit.list",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", oversightOther: "ok", admin: "ok" },
    call: (api) => api.audit.list({}),
  },
  {
    name: "deadlines.list",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", oversightOther: "ok", admin: "ok" },
    call: (api) => api.deadlines.list(),
  },
  {
    name: "deadlines.set",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", admin: "ok" },
    call: (api) => api.deadlines.set({ regionCode: "510000", config: deadlineConfig }),
  },
  {
    name: "deadlines.clear",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", admin: "ok" },
    call: async (api) => {
      await w.admin(viewers.admin).deadlines.set({ regionCode: "510000", config: deadlineConfig });
      return api.deadlines.clear({ regionCode: "510000" });
    },
  },
  {
    name: "compliance.board",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", oversightOther: "ok", admin: "ok" },
    call: (api) => api.compliance.board({ year: 2024 }),
  },
  {
    name: "quality.board",
    expect: { default: "FORBIDDEN", oversightOwn: "ok", oversightOther: "ok", admin: "ok" },
    call: (api) => api.quality.board({ year: 2024 }),
  },
];

describe("admin API authorisation matrix", () => {
  for (const c of cases) {
    describe(c.name, () => {
      for (const who of everyone) {
        const expected: Outcome = who === "anonymous" ? "UNAUTHORIZED" : (c.expect[who] ?? c.expect.default);
        it(`${who} → ${expected}`, async () => {
          const api = w.admin(who === "anonymous" ? null : viewers[who]);
          const result = await c.call(api).then(
            () => "ok" as const,
            (e: unknown) => (e instanceof TRPCError ? e.code : `unexpected: ${String(e)}`),
          );
          expect(result).toBe(expected);
        });
      }
    });
  }

  it("covers every admin procedure", async () => {
    const { adminRouter } = await import("../src/routers/admin");
    const procedures = Object.keys(adminRouter._def.procedures);
    const covered = new Set(cases.map((c) => c.name.split(" ")[0]));
    expect(procedures.filter((p) => !covered.has(p))).toEqual([]);
  });
});

export { newId };
