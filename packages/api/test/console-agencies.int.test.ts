import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../src/context";
import { createWorld, type TestWorld } from "./harness";

let w: TestWorld;
let admin: Viewer;
let sichuan: Viewer;

beforeAll(async () => {
  w = await createWorld({ now: "2025-03-01T00:00:00Z" });
  await w.region("510000", "四川省");
  await w.region("510100", "成都市", "510000");
  await w.region("330000", "浙江省");
  await w.agency({ id: "sc-finance", name: "四川省财政厅", regionCode: "510000" });
  await w.agency({ id: "cd-finance", name: "成都市财政局", regionCode: "510100", level: "prefecture" });
  await w.agency({ id: "zj-finance", name: "浙江省财政厅", regionCode: "330000", tracked: false });
  admin = await w.user("管理员", [{ role: "admin" }]);
  sichuan = await w.user("四川监督", [{ role: "oversight", regionCode: "510000" }]);
});
afterAll(async () => {
  await w?.close();
});

describe("console agency list", () => {
  it("lists every agency to admins, with tracked, searchable by name or id and paged", async () => {
    const all = await w.admin(admin).agencies.list({});
    expect(all.total).toBe(3);
    expect(all.items.find((a) => a.id === "zj-finance")).toMatchObject({
      tracked: false,
      regionName: "浙江省",
      status: "active",
    });
    expect((await w.admin(admin).agencies.list({ query: "财政局" })).items.map((a) => a.id)).toEqual(["cd-finance"]);
    expect((await w.admin(admin).agencies.list({ query: "zj-" })).items.map((a) => a.id)).toEqual(["zj-finance"]);
    expect((await w.admin(admin).agencies.list({ query: "%" })).total).toBe(0);
    const page2 = await w.admin(admin).agencies.list({ page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(1);
  });

  it("shows oversight only the agencies of its region", async () => {
    const list = await w.admin(sichuan).agencies.list({});
    expect(list.items.map((a) => a.id).sort()).toEqual(["cd-finance", "sc-finance"]);
    expect((await w.admin(sichuan).agencies.list({ regionPrefix: "5101" })).items.map((a) => a.id)).toEqual([
      "cd-finance",
    ]);
  });

  it("is refused to editors", async () => {
    const editor = await w.user("编辑", [{ role: "editor", agencyId: "sc-finance" }]);
    await expect(w.admin(editor).agencies.list({})).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(w.admin(editor).agencies.events({ id: "sc-finance" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("agency events and tracked", () => {
  it("creates an untracked agency and changes tracked later", async () => {
    const created = await w.admin(admin).agencies.create({
      id: "sc-new-bureau",
      name: "四川省新设局",
      regionCode: "510000",
      level: "provincial",
      kind: "department",
      tracked: false,
    });
    expect(created.tracked).toBe(false);
    expect((await w.admin(admin).agencies.update({ id: "sc-new-bureau", tracked: true })).tracked).toBe(true);
    // Not saying is tracked, as before.
    const plain = await w.admin(admin).agencies.create({
      id: "sc-plain",
      name: "四川省普通局",
      regionCode: "510000",
      level: "provincial",
      kind: "department",
    });
    expect(plain.tracked).toBe(true);
  });

  it("returns renames and mergers, oldest first, with the other agency's name", async () => {
    const api = w.admin(admin);
    await api.agencies.create({
      id: "sc-a",
      name: "四川省甲局",
      regionCode: "510000",
      level: "provincial",
      kind: "department",
    });
    await api.agencies.create({
      id: "sc-b",
      name: "四川省乙局",
      regionCode: "510000",
      level: "provincial",
      kind: "department",
    });
    await api.agencies.rename({ id: "sc-a", newName: "四川省丙局", date: "2025-03-05" });
    await api.agencies.merge({ id: "sc-a", intoId: "sc-b", date: "2025-03-10" });
    const events = await w.admin(sichuan).agencies.events({ id: "sc-a" });
    expect(events.map((e) => e.kind)).toEqual(["created", "renamed", "merged_into"]);
    expect(events[1]).toMatchObject({ fromName: "四川省甲局", toName: "四川省丙局", date: "2025-03-05" });
    expect(events[2]).toMatchObject({ otherAgencyId: "sc-b", otherAgencyName: "四川省乙局" });
    expect((await api.agencies.events({ id: "sc-b" })).map((e) => e.kind)).toEqual(["created", "absorbed"]);
  });

  it("hides another region's agency from oversight", async () => {
    await expect(w.admin(sichuan).agencies.events({ id: "zj-finance" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(w.admin(admin).agencies.events({ id: "no-such-agency" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("region tree", () => {
  it("gives the console the divisions as a tree", async () => {
    const tree = await w.admin(sichuan).regions.tree();
    const sc = tree.find((r) => r.code === "510000");
    expect(sc?.children.map((c) => c.code)).toEqual(["510100"]);
  });
});
