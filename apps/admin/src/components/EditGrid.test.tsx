import { emptyReport, type Report, setCell, validateReport } from "@gongkai/schema";
import { getCell } from "@gongkai/schema/meta";
import { I18nProvider } from "@gongkai/ui";
import { act, cleanup, fireEvent, render } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it } from "vitest";
import { record, start, undo } from "../lib/history";
import { adminMessages } from "../lib/messages";
import { EditGrid } from "./EditGrid";

const agency = {
  id: "test-yjj",
  name: "测试市应急管理局",
  regionCode: "510100",
  level: "prefecture" as const,
  kind: "department" as const,
};

/** The editor's own state logic around the grid: setCell on change, undo on Ctrl+Z, live rules. */
function Harness({
  initial,
  table,
  onReport,
}: {
  initial: Report;
  table: "t2" | "t3" | "t4";
  onReport: (r: Report) => void;
}) {
  const [history, setHistory] = useState(() => start(initial));
  const report = history.present;
  onReport(report);
  const findings = validateReport(report);
  return (
    <I18nProvider locale="zh" messages={adminMessages}>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: test harness for the editor's undo shortcut */}
      <div
        onKeyDown={(e) => {
          if (e.ctrlKey && e.key === "z") setHistory((h) => undo(h));
        }}
      >
        <EditGrid
          report={report}
          table={table}
          findings={findings}
          highlight={new Set()}
          prefilled={new Set(["t3.carriedOver.total"])}
          comments={new Map([["t3.granted.total", 2]])}
          readOnly={false}
          onChange={(changes, label) =>
            setHistory((h) => {
              let next = h.present;
              for (const [path, value] of changes) next = setCell(next, path, value);
              return record(h, next, label, Date.now());
            })
          }
          onFocusCell={() => {}}
          onPasteProblems={() => {}}
        />
      </div>
    </I18nProvider>
  );
}

function setup(edition: 2019 | 2021, table: "t2" | "t3" | "t4" = "t3") {
  let current = emptyReport({ agency, year: edition === 2019 ? 2020 : 2024, edition });
  const view = render(<Harness initial={current} table={table} onReport={(r) => (current = r)} />);
  const input = (path: string) =>
    view.container.querySelector<HTMLInputElement>(`input[data-path="${path}"]`) as HTMLInputElement;
  return { view, input, report: () => current };
}

afterEach(cleanup);

describe("the editing grid", () => {
  it("gives every cell an input named by its row and column labels", () => {
    const { input } = setup(2021);
    expect(input("t3.newReceived.naturalPerson").getAttribute("aria-label")).toContain("本年新收政府信息公开申请数量");
    expect(input("t3.newReceived.naturalPerson").getAttribute("aria-label")).toContain("自然人");
    const names = [...document.querySelectorAll<HTMLInputElement>("input[data-cell-input]")].map((i) =>
      i.getAttribute("aria-label"),
    );
    expect(new Set(names).size).toBe(names.length);
  });

  it("moves with the arrow keys and Enter like a spreadsheet, across merged header cells", () => {
    const { input } = setup(2021);
    const start = input("t3.newReceived.naturalPerson");
    start.focus();
    fireEvent.keyDown(start, { key: "ArrowRight" });
    expect((document.activeElement as HTMLInputElement).dataset.path).toBe("t3.newReceived.commercial");
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowDown" });
    expect((document.activeElement as HTMLInputElement).dataset.path).toBe("t3.carriedOver.commercial");
    fireEvent.keyDown(document.activeElement as Element, { key: "Enter" });
    expect((document.activeElement as HTMLInputElement).dataset.path).toBe("t3.granted.commercial");
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowLeft" });
    expect((document.activeElement as HTMLInputElement).dataset.path).toBe("t3.granted.naturalPerson");
    fireEvent.keyDown(document.activeElement as Element, { key: "ArrowUp" });
    expect((document.activeElement as HTMLInputElement).dataset.path).toBe("t3.carriedOver.naturalPerson");
  });

  it("keeps blank (null) apart from 0, and refuses what is not a number without changing the report", () => {
    const { input, report } = setup(2021);
    fireEvent.change(input("t3.newReceived.research"), { target: { value: "0" } });
    expect(getCell(report(), "t3.newReceived.research")).toBe(0);
    fireEvent.change(input("t3.newReceived.research"), { target: { value: "" } });
    expect(getCell(report(), "t3.newReceived.research")).toBeNull();
    fireEvent.change(input("t3.newReceived.research"), { target: { value: "3件" } });
    expect(getCell(report(), "t3.newReceived.research")).toBeNull();
    expect(input("t3.newReceived.research").getAttribute("aria-invalid")).toBe("true");
    expect(document.querySelector(".edit-problem")?.textContent).toBe("不是数字");
  });

  it("pastes a tab-separated block copied from Excel into the cells from the focused one", () => {
    const { input, report } = setup(2021);
    const start = input("t3.newReceived.naturalPerson");
    start.focus();
    fireEvent.paste(start, { clipboardData: { getData: () => "5\t1\t0\t0\t0\t0\t6\r\n2\t0\t0\t0\t0\t0\t2\r\n" } });
    expect(getCell(report(), "t3.newReceived.naturalPerson")).toBe(5);
    expect(getCell(report(), "t3.newReceived.commercial")).toBe(1);
    expect(getCell(report(), "t3.newReceived.total")).toBe(6);
    expect(getCell(report(), "t3.carriedOver.naturalPerson")).toBe(2);
    expect(getCell(report(), "t3.carriedOver.total")).toBe(2);
    expect(input("t3.carriedOver.total").value).toBe("2");
  });

  it("undoes a paste as one step", () => {
    const { input, report, view } = setup(2021);
    const start = input("t3.newReceived.naturalPerson");
    fireEvent.paste(start, { clipboardData: { getData: () => "5\t1\n2\t3" } });
    expect(getCell(report(), "t3.carriedOver.commercial")).toBe(3);
    act(() => {
      fireEvent.keyDown(view.container.firstChild as Element, { key: "z", ctrlKey: true });
    });
    expect(getCell(report(), "t3.newReceived.naturalPerson")).toBeNull();
    expect(getCell(report(), "t3.carriedOver.commercial")).toBeNull();
    expect(input("t3.newReceived.naturalPerson").value).toBe("");
  });

  it("marks the cells of a failing rule live, on the right cells", () => {
    const { input, report } = setup(2021);
    fireEvent.change(input("t3.newReceived.naturalPerson"), { target: { value: "4" } });
    fireEvent.change(input("t3.newReceived.total"), { target: { value: "9" } });
    // R07: total 9 ≠ 4, said on the total cell.
    const describedBy = input("t3.newReceived.total").getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ")[0] ?? "")?.textContent).toContain("总计 = 9");
    // Exactly the cells named by an error finding are marked as errors, and nothing else.
    const errorCells = new Set(
      validateReport(report())
        .filter((f) => f.severity === "error")
        .flatMap((f) => f.cells),
    );
    for (const el of document.querySelectorAll<HTMLInputElement>("input[data-cell-input]")) {
      const path = el.dataset.path as string;
      expect(el.closest("td")?.classList.contains("gk-flag-error"), path).toBe(errorCells.has(path));
    }
    fireEvent.change(input("t3.newReceived.total"), { target: { value: "4" } });
    expect(document.getElementById(describedBy.split(" ")[0] ?? "")?.textContent ?? "").not.toContain("总计 = 9");
  });

  it("shows the 上年结转 badge and open comments on their cells", () => {
    const { input } = setup(2021);
    expect(input("t3.carriedOver.total").closest("td")?.querySelector(".edit-badge")?.textContent).toContain("上年");
    expect(input("t3.granted.total").closest("td")?.querySelector(".edit-comments")?.textContent).toContain("2");
  });

  it("draws table 二 of 2019 with money cells kept exact", () => {
    const { input, report } = setup(2019, "t2");
    const money = [...document.querySelectorAll<HTMLInputElement>("input[data-cell-input]")].find(
      (i) => i.inputMode === "decimal",
    );
    expect(money).toBeDefined();
    fireEvent.change(money as HTMLInputElement, { target: { value: "1,234.50" } });
    expect(getCell(report(), (money as HTMLInputElement).dataset.path as string)).toEqual({
      amount: "1234.5",
      unit: "万元",
    });
    expect(input("t2.rules.madeNew")).toBeTruthy();
  });
});
