import { cellPaths, getCell, type Report, ReportSchema, validateReport } from "@gongkai/schema";
import { render } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import pingtan2020 from "../../../schema/test/fixtures/pingtan-2020.json";
import pingtan2024 from "../../../schema/test/fixtures/pingtan-2024.json";
import shanghai2019 from "../../../schema/test/fixtures/shanghai-szfbgt-2019.json";
import seed from "../../../schema/test/fixtures/sichuan-emergency-management-2019.json";
import { formatCell } from "../format";
import { I18nProvider } from "../i18n";
import { FindingsPanel } from "./Findings";
import { OfficialReport } from "./OfficialReport";

const files: Record<string, unknown> = {
  "pingtan-2020": pingtan2020,
  "pingtan-2024": pingtan2024,
  "shanghai-szfbgt-2019": shanghai2019,
  "sichuan-emergency-management-2019": seed,
};
const fixture = (name: string): Report => ReportSchema.parse(files[name]);

function draw(report: Report, options: { locale?: "zh" | "en"; highlight?: Set<string>; findings?: boolean } = {}) {
  const findings = options.findings ? validateReport(report) : [];
  return render(
    <I18nProvider locale={options.locale ?? "zh"}>
      <OfficialReport report={report} findings={findings} highlight={options.highlight} />
    </I18nProvider>,
  );
}

describe("OfficialReport", () => {
  it.each([
    ["pingtan-2024", 2021, 200],
    ["pingtan-2020", 2019, 198],
  ] as const)("%s (%i edition) draws every cell once, with its value", (name, edition, count) => {
    const report = fixture(name);
    const { container } = draw(report);
    const cells = container.querySelectorAll("td[data-cell]");
    expect(cells).toHaveLength(count);
    const paths = [...cells].map((c) => c.getAttribute("data-cell"));
    expect(new Set(paths)).toEqual(new Set(cellPaths(edition)));
    for (const cell of cells) {
      const path = cell.getAttribute("data-cell") as string;
      expect(cell.textContent, path).toBe(formatCell(getCell(report, path), "zh"));
    }
  });

  it("puts each figure under its row and column headers (table 三 of 平潭 2024)", () => {
    const { container } = draw(fixture("pingtan-2024"));
    const cell = (p: string) => container.querySelector(`td[data-cell="${p}"]`);
    expect(cell("t3.newReceived.naturalPerson")?.textContent).toBe("217");
    expect(cell("t3.newReceived.commercial")?.textContent).toBe("1");
    expect(cell("t3.newReceived.total")?.textContent).toBe("218");
    expect(cell("t3.other.misc.commercial")?.textContent).toBe("1");
    expect(cell("t2.fees.amount")?.textContent).toBe("18,651.06 万元");
    expect(cell("t4.suitAfterReview.total")?.textContent).toBe("19");
    // The row of the cell: same <tr> as its row header; the column: header ids listed in `headers`.
    const denied = cell("t3.denied.stateSecret.commercial") as HTMLElement;
    const ids = (denied.getAttribute("headers") ?? "").split(" ");
    const text = ids.map((id) => container.querySelector(`#${id}`)?.textContent);
    expect(text).toEqual([
      "三、本年度办理结果",
      "（三）不予公开",
      "1.属于国家秘密",
      "申请人情况",
      "法人或其他组织",
      "商业企业",
    ]);
  });

  it("shows null as “—” (not reported) and 0 as 0", () => {
    const { container } = draw(fixture("shanghai-szfbgt-2019"));
    const blank = container.querySelector('td[data-cell="t3.granted.total"]') as HTMLElement;
    // Seen as "—"; heard as "not reported" (the dash itself is hidden from screen readers).
    expect(blank.querySelector('[aria-hidden="true"]')?.textContent).toBe("—");
    expect(blank.querySelector(".gk-sr-only")?.textContent).toBe("未填报");
    expect(blank.className).toContain("gk-null");
    const zero = container.querySelector('td[data-cell="t2.licensing.decisions"]') as HTMLElement;
    expect(zero.textContent).toBe("0");
    expect(zero.className).not.toContain("gk-null");
  });

  it("draws the merged headers of the national format", () => {
    const { container } = draw(fixture("pingtan-2020"));
    const th = (text: string) =>
      [...container.querySelectorAll("th, td")].find((e) => e.textContent === text) as HTMLElement;
    const span = (e: HTMLElement) => [e.getAttribute("colspan") ?? "1", e.getAttribute("rowspan") ?? "1"];
    expect(span(th("申请人情况"))).toEqual(["7", "1"]);
    expect(span(th("法人或其他组织"))).toEqual(["5", "1"]);
    expect(span(th("自然人"))).toEqual(["1", "2"]);
    expect(span(th("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"))).toEqual(["3", "3"]);
    expect(span(th("三、本年度办理结果"))).toEqual(["1", "20"]);
    expect(span(th("（三）不予公开"))).toEqual(["1", "8"]);
    expect(span(th("（六）其他处理"))).toEqual(["2", "1"]);
    expect(span(th("一、本年新收政府信息公开申请数量"))).toEqual(["3", "1"]);
    expect(span(th("行政复议"))).toEqual(["5", "1"]);
    expect(span(th("行政诉讼"))).toEqual(["10", "1"]);
    expect(span(th("未经复议直接起诉"))).toEqual(["5", "1"]);
    expect(container.querySelector("table.gk-table-t3 caption")?.textContent).toContain("表三");
  });

  it("draws the 2021 （六）其他处理 as a group of three rows", () => {
    const { container } = draw(fixture("pingtan-2024"));
    const th = [...container.querySelectorAll("th")].find((e) => e.textContent === "（六）其他处理") as HTMLElement;
    expect(th.getAttribute("rowspan")).toBe("3");
    const group = [...container.querySelectorAll("th")].find(
      (e) => e.textContent === "三、本年度办理结果",
    ) as HTMLElement;
    expect(group.getAttribute("rowspan")).toBe("22");
  });

  it("marks the cells of findings, and the selected finding's cells more strongly", () => {
    const report = fixture("pingtan-2020");
    const { container } = draw(report, { findings: true, highlight: new Set(["t3.handledTotal.naturalPerson"]) });
    const cell = (p: string) => container.querySelector(`td[data-cell="${p}"]`) as HTMLElement;
    expect(cell("t3.handledTotal.naturalPerson").className).toContain("gk-flag-error");
    expect(cell("t3.handledTotal.naturalPerson").className).toContain("gk-highlight");
    expect(cell("t3.granted.naturalPerson").className).toContain("gk-flag-error");
    expect(cell("t3.newReceived.naturalPerson").className).not.toContain("gk-flag");
    // Named by an error (rule 8) and a warning (rule 11): the error wins.
    expect(cell("t3.otherHandling.total").className).toContain("gk-flag-error");
    const shanghai = draw(fixture("shanghai-szfbgt-2019"), { findings: true }).container;
    expect(shanghai.querySelector('td[data-cell="t3.newReceived.research"]')?.className).toContain("gk-flag-warning");
  });

  it("keeps the legacy seed's own headings and its figures stated outside the template", () => {
    const { container, getByText } = draw(fixture("sichuan-emergency-management-2019"));
    expect(getByText("一、概述")).toBeTruthy();
    expect(container.textContent).toContain("统一格式标题：一、总体情况");
    expect(container.querySelector('td[data-cell="t3.newReceived.total"]')?.textContent).toBe("5");
    const row = container.querySelector('tr[data-metric="proactive.itemsPublished"]');
    expect(row?.textContent).toContain("6,229");
    expect(container.querySelector('tr[data-metric="proactive.portalItems"]')?.textContent).toContain("3,562");
    expect(container.querySelector(".gk-legacy")).toBeTruthy();
  });

  it("speaks English when asked, keeping the report text as written", () => {
    const { container } = draw(fixture("pingtan-2024"), { locale: "en" });
    expect(container.textContent).toContain("Natural persons");
    expect(container.textContent).toContain("Table 3");
    expect(container.querySelector("td[data-cell='t3.granted.total']")?.textContent).toBe("71");
  });
});

describe("FindingsPanel", () => {
  it("lists each finding in plain words and reports which one was chosen", () => {
    const findings = validateReport(fixture("pingtan-2020"));
    const chosen: (number | null)[] = [];
    const { getAllByRole, container } = render(
      <I18nProvider locale="en">
        <FindingsPanel findings={findings} onSelect={(i) => chosen.push(i)} />
      </I18nProvider>,
    );
    expect(container.textContent).toContain("2 error(s), 2 warning(s)");
    expect(container.textContent).toContain("（七）总计 Natural persons = 20, but the outcome rows add up to 26.");
    getAllByRole("button")[0]?.click();
    expect(chosen).toEqual([0]);
  });
});
