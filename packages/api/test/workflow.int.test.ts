import { getCell, setCell } from "@gongkai/schema";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context";
import { runScheduledPublications } from "../src/services/drafts";
import { consistentContent } from "./content";
import { createWorld, rollupsDrift, type TestWorld } from "./harness";

let w: TestWorld;
let editor: Viewer;
let approver: Viewer;
let oversight: Viewer;

async function rejects(p: Promise<unknown>, code: TRPCError["code"]) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected ${code}`).toBeInstanceOf(TRPCError);
  expect((e as TRPCError).code).toBe(code);
  return e as TRPCError;
}

beforeAll(async () => {
  w = await createWorld({ now: "2025-01-10T02:00:00Z" });
  await w.region("510000", "四川省");
  await w.region("510100", "成都市", "510000");
  await w.agency({ id: "wf-agency", name: "工作流测试厅", regionCode: "510000" });
  await w.agency({ id: "wf-other", name: "其他测试厅", regionCode: "510000" });
  editor = await w.user("编辑甲", [{ role: "editor", agencyId: "wf-agency" }]);
  approver = await w.user("审核乙", [{ role: "approver", agencyId: "wf-agency" }]);
  oversight = await w.user("监督丙", [{ role: "oversight", regionCode: "510000" }]);
}, 60_000);

afterAll(async () => {
  await w?.close();
});

describe("the report workflow", () => {
  it("creates a draft of the right edition and prefills 上年结转 from last year's published 结转下年度继续办理", async () => {
    const lastYear = await w.publish({
      editor,
      approver,
      agencyId: "wf-agency",
      year: 2022,
      content: (d) => consistentContent(d, 3),
    });
    expect(lastYear).toMatch(/^rpt_/);
    const prev = await w.portal().reports.get({ agencyId: "wf-agency", year: 2022 });
    const draft = await w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2023 });
    expect(draft.edition).toBe(2021);
    expect(draft.state).toBe("draft");
    expect(draft.prefilled).toHaveLength(7);
    expect(getCell(draft.content, "t3.carriedOver.naturalPerson")).toBe(
      getCell(prev.content, "t3.carriedForward.naturalPerson"),
    );
    expect(getCell(draft.content, "t3.granted.total")).toBeNull();
    await rejects(w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2023 }), "CONFLICT");
    await rejects(w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2018 }), "BAD_REQUEST");
  });

  it("refuses a stale save with CONFLICT and overwrites nothing", async () => {
    const draft = await w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2024 });
    const first = await w
      .admin(editor)
      .reports.save({ id: draft.id, lockVersion: draft.lockVersion, content: consistentContent(draft.content, 11) });
    expect(first.lockVersion).toBe(draft.lockVersion + 1);
    const stale = consistentContent(draft.content, 12);
    const err = await rejects(
      w.admin(editor).reports.save({ id: draft.id, lockVersion: draft.lockVersion, content: stale }),
      "CONFLICT",
    );
    expect(err.message).toMatch(/changed by someone else/);
    const now = await w.admin(editor).reports.get({ id: draft.id });
    expect(now.lockVersion).toBe(first.lockVersion);
    expect(now.content).toEqual(first.content);
  });

  it("blocks submission on errors and asks for a written acknowledgement of each warning", async () => {
    const draft = await w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2025 });
    const good = consistentContent(draft.content, 21);
    const broken = setCell(good, "t3.granted.naturalPerson", (getCell(good, "t3.granted.naturalPerson") as number) + 1);
    const saved = await w.admin(editor).reports.save({ id: draft.id, lockVersion: draft.lockVersion, content: broken });
    expect(saved.findings.some((f) => f.ruleId === "R07" && f.cells.includes("t3.granted.naturalPerson"))).toBe(true);
    const blocked = await rejects(
      w.admin(editor).reports.submit({ id: draft.id, lockVersion: saved.lockVersion, acknowledgements: [] }),
      "PRECONDITION_FAILED",
    );
    expect(blocked.message).toMatch(/error\(s\) must be fixed first/);
    const fixed = await w.admin(editor).reports.save({
      id: draft.id,
      lockVersion: saved.lockVersion,
      content: { ...good, sections: { ...good.sections, other: { heading: null, text: "无。" } } },
    });
    const warnings = fixed.findings.filter((f) => f.severity === "warning");
    expect(warnings.map((f) => f.ruleId)).toContain("R20");
    await rejects(
      w.admin(editor).reports.submit({ id: draft.id, lockVersion: fixed.lockVersion, acknowledgements: [] }),
      "PRECONDITION_FAILED",
    );
    const acks = warnings.map((f) => ({
      ruleId: f.ruleId,
      cells: f.cells,
      note: "本年度未收取信息处理费，已在系统外说明。",
    }));
    const submitted = await w
      .admin(editor)
      .reports.submit({ id: draft.id, lockVersion: fixed.lockVersion, acknowledgements: acks });
    expect(submitted.state).toBe("submitted");
    // The editor can no longer change it, and may not approve it.
    await rejects(
      w.admin(editor).reports.save({ id: draft.id, lockVersion: submitted.lockVersion, content: good }),
      "PRECONDITION_FAILED",
    );
    await rejects(w.admin(editor).reports.approve({ id: draft.id, lockVersion: submitted.lockVersion }), "FORBIDDEN");
    // The approver sends it back with a comment on a cell; the editor sees it.
    const back = await w.admin(approver).reports.sendBack({
      id: draft.id,
      lockVersion: submitted.lockVersion,
      message: "请核对予以公开数。",
      comments: [{ cell: "t3.granted.total", section: null, body: "与台账不一致" }],
    });
    expect(back.state).toBe("draft");
    expect(back.openComments).toBe(2);
    const comments = await w.admin(editor).comments.list({ reportId: draft.id });
    expect(comments.map((c) => [c.cell, c.body])).toEqual([
      [null, "请核对予以公开数。"],
      ["t3.granted.total", "与台账不一致"],
    ]);
    const resolved = await w.admin(editor).comments.resolve({ id: comments[1]?.id ?? "" });
    expect(resolved.resolvedBy).toBe(editor.id);
  });

  it("publishes with a sign-off on the version hash; the portal then shows it, never the draft", async () => {
    const draft = await w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2021 });
    expect((await w.portal().reports.list({ agencyId: "wf-agency", year: 2021 })).items).toHaveLength(0);
    await expect(w.portal().reports.get({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const content = consistentContent(draft.content, 31, "2021年，本厅收到政府信息公开申请999件。");
    const saved = await w.admin(editor).reports.save({ id: draft.id, lockVersion: draft.lockVersion, content });
    const acks = [...new Set(saved.findings.filter((f) => f.severity === "warning").map((f) => f.ruleId))].map(
      (ruleId) => ({ ruleId, cells: [] as string[], note: "已核实" }),
    );
    const submitted = await w
      .admin(editor)
      .reports.submit({ id: draft.id, lockVersion: saved.lockVersion, acknowledgements: acks });
    const approved = await w.admin(approver).reports.approve({ id: draft.id, lockVersion: submitted.lockVersion });
    const published = await w
      .admin(approver)
      .reports.publish({ id: draft.id, lockVersion: approved.lockVersion, acknowledgements: acks });
    expect(published.state).toBe("published");
    expect(published.latestVersion).toBe(1);
    const pub = await w.portal().reports.get({ id: draft.id });
    expect(pub.version.number).toBe(1);
    expect(pub.version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pub.version.signedOffBy).toBe(approver.name);
    expect(pub.content.status).toBe("published");
    expect(pub.content.publicationDate).toBe("2025-01-10");
    expect(pub.summary.onTime).toBe(false);
    expect(pub.findings.some((f) => f.ruleId === "R22")).toBe(true);
    const [row] = await w.handle.query<{ signoff: { contentHash: string; acknowledgements: unknown[] } }>(
      "select signoff from report_versions where report_id = $1",
      [draft.id],
    );
    expect(row?.signoff.contentHash).toBe(pub.version.contentHash);
    expect(row?.signoff.acknowledgements.length).toBe(acks.length);
  });

  it("corrects a published report as a new version with a reason; the old version stays public", async () => {
    const id = (await w.portal().reports.get({ agencyId: "wf-agency", year: 2021 })).summary.id;
    const current = await w.admin(approver).reports.get({ id });
    await rejects(w.admin(approver).reports.correct({ id, reason: "短" }), "BAD_REQUEST");
    await rejects(w.admin(editor).reports.correct({ id, reason: "更正申请数量统计口径" }), "FORBIDDEN");
    const correcting = await w.admin(approver).reports.correct({ id, reason: "更正申请数量统计口径" });
    expect(correcting.state).toBe("draft");
    // While the correction is a draft, the public still sees version 1.
    expect((await w.portal().reports.get({ id })).version.number).toBe(1);
    const fixedOverview = {
      ...current.content,
      sections: {
        ...current.content.sections,
        overview: {
          heading: null,
          text: `2021年，本厅收到政府信息公开申请${getCell(current.content, "t3.newReceived.total")}件。`,
        },
      },
    };
    const saved = await w
      .admin(editor)
      .reports.save({ id, lockVersion: correcting.lockVersion, content: fixedOverview });
    const acks = [...new Set(saved.findings.filter((f) => f.severity === "warning").map((f) => f.ruleId))].map(
      (ruleId) => ({ ruleId, cells: [] as string[], note: "已核实" }),
    );
    const s = await w.admin(editor).reports.submit({ id, lockVersion: saved.lockVersion, acknowledgements: acks });
    const a = await w.admin(approver).reports.approve({ id, lockVersion: s.lockVersion });
    await w.admin(approver).reports.publish({ id, lockVersion: a.lockVersion, acknowledgements: acks });
    const v2 = await w.portal().reports.get({ id });
    expect(v2.version.number).toBe(2);
    expect(v2.version.correctionReason).toBe("更正申请数量统计口径");
    expect(v2.version.changes.map((c) => c.path)).toEqual(["sections.overview.text"]);
    expect(v2.findings.some((f) => f.ruleId === "R22")).toBe(false);
    expect(v2.content.publicationDate).toBe("2025-01-10");
    const v1 = await w.portal().reports.get({ id, version: 1 });
    expect(v1.content.sections.overview.text).toContain("999件");
    expect(v2.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it("never lets a published version change, by any code path", async () => {
    const [v] = await w.handle.query<{ id: number }>("select id from report_versions limit 1");
    await expect(w.handle.exec(`update report_versions set content_hash = 'x' where id = ${v?.id}`)).rejects.toThrow(
      /immutable/,
    );
    await expect(w.handle.exec(`delete from report_versions where id = ${v?.id}`)).rejects.toThrow(/immutable/);
    await expect(w.handle.exec("truncate report_versions cascade")).rejects.toThrow(/immutable/);
    await expect(
      w.handle.exec(`update report_findings set rule_id = 'R01' where version_id = ${v?.id}`),
    ).rejects.toThrow(/immutable/);
  });

  it("leaves nothing half-written when a publish fails midway", async () => {
    const draft = await w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2020 });
    const saved = await w
      .admin(editor)
      .reports.save({ id: draft.id, lockVersion: draft.lockVersion, content: consistentContent(draft.content, 41) });
    const acks = [...new Set(saved.findings.filter((f) => f.severity === "warning").map((f) => f.ruleId))].map(
      (ruleId) => ({ ruleId, cells: [] as string[], note: "已核实" }),
    );
    const s = await w
      .admin(editor)
      .reports.submit({ id: draft.id, lockVersion: saved.lockVersion, acknowledgements: acks });
    const a = await w.admin(approver).reports.approve({ id: draft.id, lockVersion: s.lockVersion });
    const count = async (table: string) =>
      Number((await w.handle.query<{ n: string }>(`select count(*) as n from ${table}`))[0]?.n);
    const before = {
      versions: await count("report_versions"),
      metrics: await count("report_metrics"),
      findings: await count("report_findings"),
      rollups: await count("metric_rollups"),
      search: await count("search_documents"),
    };
    // Make the last step of publishing (the search document) fail.
    await w.handle.exec(`CREATE FUNCTION gk_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END; $$ LANGUAGE plpgsql;
      CREATE TRIGGER gk_fail BEFORE INSERT ON search_documents FOR EACH ROW EXECUTE FUNCTION gk_fail();`);
    await expect(
      w.admin(approver).reports.publish({ id: draft.id, lockVersion: a.lockVersion, acknowledgements: acks }),
    ).rejects.toThrow();
    await w.handle.exec("DROP TRIGGER gk_fail ON search_documents; DROP FUNCTION gk_fail();");
    expect({
      versions: await count("report_versions"),
      metrics: await count("report_metrics"),
      findings: await count("report_findings"),
      rollups: await count("metric_rollups"),
      search: await count("search_documents"),
    }).toEqual(before);
    const still = await w.admin(approver).reports.get({ id: draft.id });
    expect(still.state).toBe("approved");
    expect(still.lockVersion).toBe(a.lockVersion);
    // And it publishes fine afterwards.
    const ok = await w
      .admin(approver)
      .reports.publish({ id: draft.id, lockVersion: a.lockVersion, acknowledgements: acks });
    expect(ok.state).toBe("published");
  });

  it("schedules publication at a time and publishes it when the time comes", async () => {
    const draft = await w.admin(editor).reports.create({ agencyId: "wf-agency", year: 2019 });
    const saved = await w
      .admin(editor)
      .reports.save({ id: draft.id, lockVersion: draft.lockVersion, content: consistentContent(draft.content, 51) });
    const acks = [...new Set(saved.findings.filter((f) => f.severity === "warning").map((f) => f.ruleId))].map(
      (ruleId) => ({ ruleId, cells: [] as string[], note: "已核实" }),
    );
    const s = await w
      .admin(editor)
      .reports.submit({ id: draft.id, lockVersion: saved.lockVersion, acknowledgements: acks });
    const a = await w.admin(approver).reports.approve({ id: draft.id, lockVersion: s.lockVersion });
    const scheduled = await w.admin(approver).reports.publish({
      id: draft.id,
      lockVersion: a.lockVersion,
      acknowledgements: acks,
      at: "2025-01-20T01:00:00Z",
    });
    expect(scheduled.state).toBe("scheduled");
    expect(scheduled.scheduledAt).toBe("2025-01-20T01:00:00.000Z");
    expect(await runScheduledPublications({ deps: w.deps, requestId: null })).toBe(0);
    await expect(w.portal().reports.get({ id: draft.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    w.setNow("2025-01-20T01:00:05Z");
    expect(await runScheduledPublications({ deps: w.deps, requestId: null })).toBe(1);
    const pub = await w.portal().reports.get({ id: draft.id });
    expect(pub.version.signedOffBy).toBe(approver.name);
    expect(pub.content.publicationDate).toBe("2025-01-20");
    w.setNow("2025-01-10T02:00:00Z");
  });

  it("keeps the rollups equal to a rebuild after publishing, correcting and scheduling", async () => {
    const { incremental, rebuilt } = await rollupsDrift(w);
    expect(incremental.length).toBeGreaterThan(100);
    expect(incremental).toEqual(rebuilt);
  });

  it("lets oversight read submitted reports of its region but not unsubmitted drafts, and records everything in the audit log", async () => {
    const list = await w.admin(oversight).reports.list({});
    expect(list.items.every((r) => r.state !== "draft" || r.latestVersion > 0)).toBe(true);
    const drafts = await w.admin(editor).reports.list({ state: "draft" });
    const pureDraft = drafts.items.find((r) => r.latestVersion === 0);
    if (pureDraft) await rejects(w.admin(oversight).reports.get({ id: pureDraft.id }), "NOT_FOUND");
    const log = await w.admin(oversight).audit.list({ entityType: "report", pageSize: 200 });
    expect(log.items.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "report.create",
        "report.save",
        "report.submit",
        "report.approve",
        "report.publish",
        "report.correct",
        "report.sendBack",
      ]),
    );
  });
});
