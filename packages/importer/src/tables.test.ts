import { getCell, type Report } from "@gongkai/schema";
import { describe, expect, it } from "vitest";
import { importSync } from "./import";

const header = `<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td>商业 企业</td><td>科研 机构</td><td>社会公益 组织</td><td>法律服务 机构</td><td>其它</td></tr>`;
const cells = (...v: (string | number)[]) => v.map((x) => `<td>${x}</td>`).join("");
const page = (body: string) =>
  `<html><body><p>测试局2020年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作。</p><p>三、收到和处理政府信息公开申请情况</p>${body}<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>`;

describe("table 三 hazards", () => {
  it("reads rows by label whatever their order, ignores subtotal and unknown rows with a finding", () => {
    const html = page(`<table>${header}
      <tr><td colspan="3">二、上年结转政府信息公开申请数量</td>${cells(1, 0, 0, 0, 0, 0, 1)}</tr>
      <tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${cells("１２", 1, 0, 0, 0, 0, 13)}</tr>
      <tr><td colspan="3">其中：网上申请</td>${cells(8, 1, 0, 0, 0, 0, 9)}</tr>
      <tr><td rowspan="3">三、本年度办理结果</td><td rowspan="3">（三）不予公开</td><td>小计</td>${cells(3, 0, 0, 0, 0, 0, 3)}</tr>
      <tr><td>1．属于国家秘密</td>${cells(2, 0, 0, 0, 0, 0, 2)}</tr>
      <tr><td>4.保护第三方合法 权益</td>${cells(1, 0, 0, 0, 0, 0, 1)}</tr>
    </table>`);
    const r = importSync({ content: html });
    const d = r.draft as Report;
    expect(d.tables.t3.newReceived).toEqual({
      naturalPerson: 12,
      commercial: 1,
      research: 0,
      socialWelfare: 0,
      legalService: 0,
      otherOrg: 0,
      total: 13,
    });
    expect(d.tables.t3.carriedOver.total).toBe(1);
    expect(d.tables.t3.denied.stateSecret.total).toBe(2);
    expect(d.tables.t3.denied.thirdParty.naturalPerson).toBe(1);
    const unknown = r.importFindings.filter((f) => f.code === "table.unknownRow").map((f) => f.text);
    expect(unknown).toEqual(expect.arrayContaining(["其中：网上申请"]));
    expect(unknown.some((t) => t?.includes("小计"))).toBe(true);
    // What was not in the table is null, with a finding naming the row.
    expect(d.tables.t3.granted.total).toBeNull();
    expect(r.importFindings.some((f) => f.code === "cell.missing" && f.cells.includes("t3.granted.total"))).toBe(true);
  });

  it("never copies a figure that spans two rows or two columns into both", () => {
    const html = page(`<table>${header}
      <tr><td colspan="3">一、本年新收政府信息公开申请数量</td><td colspan="2">5</td>${cells(0, 0, 0, 0, 5)}</tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>${cells(2)}<td rowspan="2">0</td>${cells(0, 0, 0, 0, 2)}</tr>
      <tr><td colspan="2">（二）部分公开</td>${cells(1, 0, 0, 0, 0, 1)}</tr>
    </table>`);
    const r = importSync({ content: html });
    const d = r.draft as Report;
    expect(d.tables.t3.newReceived.naturalPerson).toBeNull();
    expect(d.tables.t3.newReceived.commercial).toBeNull();
    expect(d.tables.t3.newReceived.total).toBe(5);
    expect(d.tables.t3.granted.naturalPerson).toBe(2);
    // A "0" spanning two rows: which row it belongs to is unknown.
    expect(d.tables.t3.partiallyGranted.commercial).toBeNull();
    expect(d.tables.t3.granted.commercial).toBe(0);
    const ambiguous = r.importFindings.filter((f) => f.code === "cell.ambiguous").flatMap((f) => f.cells);
    expect(ambiguous).toEqual(
      expect.arrayContaining(["t3.newReceived.naturalPerson", "t3.partiallyGranted.commercial"]),
    );
  });

  it("continues a table 三 split over two tables by a page break", () => {
    const html = page(`<table>${header}
      <tr><td colspan="3">一、本年新收政府信息公开申请数量</td>${cells(4, 0, 0, 0, 0, 0, 4)}</tr>
      <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td>${cells(1, 0, 0, 0, 0, 0, 1)}</tr>
    </table><p>续表</p><table>
      <tr><td colspan="2">（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>${cells(2, 0, 0, 0, 0, 0, 2)}</tr>
      <tr><td colspan="2">（七）总计</td>${cells(3, 0, 0, 0, 0, 0, 3)}</tr>
    </table>`);
    const r = importSync({ content: html });
    const d = r.draft as Report;
    expect(d.tables.t3.granted.total).toBe(1);
    expect(d.tables.t3.partiallyGranted.naturalPerson).toBe(2);
    expect(d.tables.t3.handledTotal.total).toBe(3);
    expect(r.importFindings.map((f) => f.code)).toContain("table.continued");
  });
});

describe("table 四 hazards", () => {
  const t4Header = `<tr><td colspan="5">行政法复议</td><td colspan="10">行政诉讼</td></tr>
    <tr>${["结果维持", "结果纠正", "其他结果", "尚未审结"].map((x) => `<td rowspan="2">${x}</td>`).join("")}<td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
    <tr>${cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计")}</tr>`;

  it("reads the typo 行政法复议 as the review block", () => {
    const r = importSync({
      content: page(`<table>${t4Header}<tr>${cells(1, 2, 3, 4, 10, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5)}</tr></table>`),
    });
    const d = r.draft as Report;
    expect(d.tables.t4.review).toEqual({ upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
    expect(d.tables.t4.suitAfterReview.total).toBe(5);
  });

  it("leaves table 四 empty when it has two rows of figures", () => {
    const r = importSync({
      content: page(
        `<table>${t4Header}<tr>${cells(1, 2, 3, 4, 10, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5)}</tr><tr>${cells(1, 2, 3, 4, 10, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5)}</tr></table>`,
      ),
    });
    expect(getCell(r.draft as Report, "t4.review.total")).toBeNull();
    expect(r.importFindings.find((f) => f.code === "cell.ambiguous")?.cells).toHaveLength(15);
  });
});
