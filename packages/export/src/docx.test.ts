import type { Report } from "@gongkai/schema";
import { getCell, officialHeadings, sectionKeys, t3HeaderLabels } from "@gongkai/schema/meta";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { fixtureNames, loadFixture } from "../test/fixtures";
import { reportDocx } from "./docx";
import { reportGrids } from "./grid";
import { gridValue, printValue } from "./values";

interface Tc {
  text: string;
  gridSpan: number;
  /** "restart" starts a vertical merge, "continue" is a cell it covers. */
  vMerge: "restart" | "continue" | null;
}

const decodeXml = (s: string) =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&apos;", "'")
    .replaceAll("&amp;", "&");

/** The tables of word/document.xml as rows of cells (the XML docx writes is regular enough). */
function tables(xml: string): Tc[][][] {
  return xml
    .split("<w:tbl>")
    .slice(1)
    .map((tbl) => tbl.split("</w:tbl>")[0] ?? "")
    .map((tbl) =>
      tbl
        .split("<w:tr>")
        .slice(1)
        .map((tr) =>
          tr
            .split("<w:tc>")
            .slice(1)
            .map((tc) => {
              const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
              return {
                text: decodeXml([...tc.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
                gridSpan: Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1),
                vMerge: vm ? ((vm[1] ?? "continue") as "restart" | "continue") : null,
              };
            }),
        ),
    );
}

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no ${name} in the package`);
    return file.async("string");
  };
  return { document: await read("word/document.xml"), styles: await read("word/styles.xml") };
}

/** The texts of the value cells of one table-三 row, found by its label. */
function t3Row(t3: Tc[][], label: string): string[] {
  const row = t3.find((r) => r.some((c) => c.text === label));
  if (!row) throw new Error(`no row ${label}`);
  return row.slice(-7).map((c) => c.text);
}

const printed = (report: Report, path: string): string => {
  const v = getCell(report, path);
  if (v === undefined) throw new Error(path);
  return v === null ? "—" : typeof v === "number" ? String(v) : v.amount;
};

describe("reportDocx", () => {
  for (const name of fixtureNames) {
    for (const locale of ["zh", "en"] as const) {
      it(`${name} (${locale}): headings, tables with merged headers, every value`, async () => {
        const report = loadFixture(name);
        const { document, styles } = await unzip(await reportDocx(report, { locale }));
        expect(document).toContain(report.title ?? `${report.agency.name}${report.year}年政府信息公开工作年度报告`);
        for (const key of sectionKeys) {
          expect(document).toContain(`>${report.sections[key].heading ?? officialHeadings[key][locale]}<`);
        }
        // A4 portrait and a Chinese font on the East Asian slot.
        expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
        expect(styles).toContain('w:eastAsia="宋体"');

        const [t2, t3, t4, extras] = tables(document);
        if (!t2 || !t3 || !t4) throw new Error("tables missing");
        expect(extras === undefined).toBe(report.extraMetrics.length === 0);
        // Table 三's header: the note 3 wide and 3 high, 申请人情况 over 7, 自然人/总计 down 2, 法人… over 5.
        expect(t3[0]).toEqual([
          { text: locale === "zh" ? t3HeaderLabels.note.zh : t3HeaderLabels.note.en, gridSpan: 3, vMerge: "restart" },
          { text: t3HeaderLabels.applicants[locale], gridSpan: 7, vMerge: null },
        ]);
        expect(t3[1]?.map((c) => [c.gridSpan, c.vMerge])).toEqual([
          [3, "continue"],
          [1, "restart"],
          [5, null],
          [1, "restart"],
        ]);
        expect(t3[2]?.map((c) => [c.gridSpan, c.vMerge])).toEqual([
          [3, "continue"],
          [1, "continue"],
          [1, null],
          [1, null],
          [1, null],
          [1, null],
          [1, null],
          [1, "continue"],
        ]);
        // Table 四: 行政复议 over 5, 行政诉讼 over 10, each half over 5; review outcomes down 2 rows.
        expect(t4[0]?.map((c) => c.gridSpan)).toEqual([5, 10]);
        expect(t4[1]?.map((c) => [c.gridSpan, c.vMerge])).toEqual([
          ...Array(5).fill([1, "restart"]),
          [5, null],
          [5, null],
        ]);
        // Every value of every table, in the row the grid puts it ("—" for not reported).
        const grids = reportGrids(report, locale);
        (
          [
            ["t2", t2],
            ["t3", t3],
            ["t4", t4],
          ] as const
        ).forEach(([table, drawn]) => {
          const grid = grids[table];
          expect(drawn).toHaveLength(grid.rows);
          drawn.forEach((row, r) => {
            const cells = grid.cells.filter((c) => c.row === r && c.kind === "value").sort((a, b) => a.col - b.col);
            const texts = row.slice(row.length - cells.length).map((c) => c.text);
            expect(texts, `${table} row ${r}`).toEqual(
              cells.map((c) => printValue(gridValue(report, c), c, locale, "—")),
            );
          });
        });
        const grantedRow = t3Row(t3, locale === "zh" ? "（一）予以公开" : "(1) Disclosed");
        expect(grantedRow).toEqual(
          ["naturalPerson", "commercial", "research", "socialWelfare", "legalService", "otherOrg", "total"].map((k) =>
            printed(report, `t3.granted.${k}`),
          ),
        );
      });
    }
  }

  it("pingtan-2024: table 三 in the official layout, with its numbers", async () => {
    const report = loadFixture("pingtan-2024");
    const { document } = await unzip(await reportDocx(report, { locale: "zh" }));
    const t3 = tables(document)[1] ?? [];
    expect(t3).toHaveLength(3 + 25);
    expect(t3Row(t3, "一、本年新收政府信息公开申请数量")).toEqual(["217", "1", "0", "0", "0", "0", "218"]);
    expect(t3Row(t3, "1.属于国家秘密")).toEqual(["4", "0", "0", "0", "0", "0", "4"]);
    expect(t3Row(t3, "1.本机关不掌握相关政府信息")).toEqual(["75", "0", "0", "0", "0", "0", "75"]);
    // 三、本年度办理结果 starts a vertical merge on its first row; （三）不予公开 on its first row.
    const stateSecret = t3.find((r) => r.some((c) => c.text === "1.属于国家秘密")) ?? [];
    expect(stateSecret[0]).toEqual({ text: "", gridSpan: 1, vMerge: "continue" });
    expect(stateSecret[1]).toEqual({ text: "（三）不予公开", gridSpan: 1, vMerge: "restart" });
    const outcomes = t3.find((r) => r.some((c) => c.text === "三、本年度办理结果")) ?? [];
    expect(outcomes[0]).toEqual({ text: "三、本年度办理结果", gridSpan: 1, vMerge: "restart" });
    expect(outcomes[1]).toEqual({ text: "（一）予以公开", gridSpan: 2, vMerge: null });
    expect(document).toContain(">18651.06<"); // 万元 is in the column header already
    expect(document).toContain(">附：报告中的其他数据<");
  });

  it("shanghai-szfbgt-2019: not reported prints —, money carries its unit", async () => {
    const report = loadFixture("shanghai-szfbgt-2019");
    const { document } = await unzip(await reportDocx(report, { locale: "zh" }));
    const [t2, t3, t4] = tables(document);
    expect(t3Row(t3 ?? [], "一、本年新收政府信息公开申请数量")).toEqual(["821", "35", "—", "—", "2", "1", "859"]);
    expect(t3Row(t3 ?? [], "（一）予以公开")).toEqual(["258", "12", "—", "—", "1", "1", "—"]);
    expect(t4?.[3]?.map((c) => c.text).slice(0, 5)).toEqual(["5", "—", "—", "2", "7"]);
    expect(t2?.flat().map((c) => c.text)).toContain("251000元");
    // The report's own heading for 五 is kept.
    expect(document).toContain(">五、政府信息公开工作存在的主要问题及改进情况<");
  });
});
