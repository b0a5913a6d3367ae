import { type ImportPreview, ReportSchema, validateReport } from "@gongkai/schema";
import { I18nProvider } from "@gongkai/ui";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { App as AntApp } from "antd";
import { afterEach, describe, expect, it } from "vitest";
import pingtan2020 from "../../../../packages/schema/test/fixtures/pingtan-2020.json";
import type { Me } from "../lib/api-types";
import { adminMessages } from "../lib/messages";
import { createAdminTrpc, TrpcProvider } from "../lib/trpc";
import { PreviewView } from "./Imports";

afterEach(cleanup);

// 平潭 2020 as read from a file, with a small source: the 予以公开 row of table 三 (6 natural persons).
const draft = ReportSchema.parse(pingtan2020);
const source = `<p>三、收到和处理政府信息公开申请情况</p><table id="src-1" data-table="1"><tbody>
<tr><th id="src-1-0-0">本年度办理结果</th><th id="src-1-0-1">自然人</th></tr>
<tr><td id="src-1-1-0">（一）予以公开</td><td id="src-1-1-1">6</td></tr>
</tbody></table>`;

function preview(over: Partial<ImportPreview> = {}): ImportPreview {
  return {
    filename: "pingtan-2020.html",
    detected: {
      format: "html",
      title: "平潭综合实验区2020年政府信息公开工作年度报告",
      agencyName: "平潭综合实验区",
      year: 2020,
      edition: 2019,
      editionFrom: "labels",
      layout: "template",
      publicationDate: "2021-03-05",
      sections: ["overview", "proactive", "requests", "reviewLitigation", "problems", "other"],
      tables: ["t2", "t3", "t4"],
    },
    agency: {
      status: "exact",
      agency: {
        id: "pingtan",
        name: "平潭综合实验区",
        regionCode: "350128",
        regionName: "平潭县",
        level: "prefecture",
        kind: "consolidated",
      },
      candidates: [],
      canAccept: false,
    },
    draft,
    provenance: [
      {
        cell: "t3.granted.naturalPerson",
        via: "table",
        table: "表三",
        rowLabel: "（一）予以公开",
        columnLabel: "自然人",
        text: "6",
        blank: false,
        ref: { table: 1, row: 1, col: 1 },
      },
    ],
    importFindings: [
      {
        code: "table.unknownRow",
        severity: "info",
        message: { zh: "表四数据行之外还有空行，已忽略。", en: "Empty rows after table 4's data row were ignored." },
        cells: [],
      },
    ],
    existing: { id: "rpt_Fb6SuO3aM89kgyvw", state: "published" },
    findings: validateReport(draft),
    stats: { cellsTotal: 198, cellsRead: 198, cellsBlank: 0, cellsNull: 0 },
    source: { kind: "html", html: source },
    ...over,
  };
}

const editor: Me = {
  id: "usr_editor",
  name: "编辑",
  email: "editor@example.org",
  memberships: [
    { role: "editor", agencyId: "cd-yjglj", agencyName: "成都市应急管理局", regionCode: null, regionName: null },
  ],
};

async function draw(p: ImportPreview) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } } });
  const trpc = createAdminTrpc(queryClient);
  queryClient.setQueryData(trpc.me.queryKey(), editor);
  const upload = { filename: p.filename, mediaType: "text/html", contentBase64: "PHA+PC9wPg==" };
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <PreviewView preview={p} upload={upload} /> }),
    history: createMemoryHistory({ initialEntries: ["/imports"] }),
  });
  const view = render(
    <AntApp>
      <QueryClientProvider client={queryClient}>
        <TrpcProvider trpc={trpc}>
          <I18nProvider locale="zh" messages={adminMessages}>
            <RouterProvider router={router} />
          </I18nProvider>
        </TrpcProvider>
      </QueryClientProvider>
    </AntApp>,
  );
  await act(() => router.load());
  await screen.findByText("识别结果");
  return view;
}

describe("import preview", () => {
  it("shows a cell's source: the source cell marked, the text as written, row and column as the file heads them", async () => {
    const { container } = await draw(preview());
    const sourceCell = container.querySelector("#src-1-1-1") as HTMLElement;
    expect(sourceCell.className).toContain("src-read");
    const button = container.querySelector('button[data-prov="t3.granted.naturalPerson"]') as HTMLButtonElement;
    expect(button.textContent).toBe("6");
    fireEvent.focus(button);
    expect(sourceCell.className).toContain("src-highlight");
    expect(button.getAttribute("aria-pressed")).toBe("true");
    const box = container.querySelector(".imports-prov") as HTMLElement;
    expect(box.textContent).toContain("（一）予以公开");
    expect(box.textContent).toContain("“6”");
    // A cell the file did not give: said so, and nothing is marked in the source.
    fireEvent.click(container.querySelector('button[data-prov="t3.granted.total"]') as HTMLButtonElement);
    expect(box.textContent).toContain("原文中没有找到这一格");
    expect(container.querySelector(".src-highlight")).toBeNull();
    // And back: clicking the source cell chooses the cell it was read into.
    fireEvent.click(sourceCell);
    expect(container.querySelector('button[data-prov="t3.granted.naturalPerson"]')?.getAttribute("aria-pressed")).toBe(
      "true",
    );
  });

  it("shows the rule 8 error among the findings and the import notes", async () => {
    const { container } = await draw(preview());
    expect(container.querySelector(".gk-findings")?.textContent).toContain(
      "（七）总计 自然人 = 20，但各项办理结果之和为 26",
    );
    expect(container.querySelector(".imports-notes")?.textContent).toContain("表四数据行之外还有空行");
  });

  it("refuses another agency's report, and says so; an existing report of that year is named", async () => {
    await draw(preview());
    expect(screen.getByText(/您不是该机关的编辑人员/)).toBeTruthy();
    expect(screen.getByText(/“平潭综合实验区”已有 2020 年度报告（已发布）/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "创建草稿" })).toBeNull();
  });

  it("lets an editor of the matched agency create the draft, for a year of the file's edition", async () => {
    const own = preview({
      agency: {
        status: "exact",
        agency: {
          id: "cd-yjglj",
          name: "成都市应急管理局",
          regionCode: "510100",
          regionName: "成都市",
          level: "prefecture",
          kind: "department",
        },
        candidates: [],
        canAccept: true,
      },
      existing: null,
    });
    await draw(own);
    const button = screen.getByRole("button", { name: "创建草稿" }) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(screen.getByText(/只列出使用 2019 年版格式的年度/)).toBeTruthy();
  });

  it("offers the candidates the user edits when the name is ambiguous", async () => {
    await draw(
      preview({
        agency: {
          status: "ambiguous",
          agency: null,
          candidates: [
            { id: "cd-yjglj", name: "成都市应急管理局" },
            { id: "my-yjglj", name: "绵阳市应急管理局" },
          ],
          canAccept: false,
        },
        existing: null,
      }),
    );
    expect(screen.getByText(/可能是以下几个机关之一/)).toBeTruthy();
    // The only candidate this editor edits is chosen for them.
    expect(screen.getByLabelText("机关").closest(".ant-select")?.textContent).toContain("成都市应急管理局");
    expect((screen.getByRole("button", { name: "创建草稿" }) as HTMLButtonElement).disabled).toBe(false);
  });
});
