import { IMPORT_MAX_BYTES, type ImportPreview } from "@gongkai/schema";
import { describe, expect, it } from "vitest";
import { fileProblem, indexProvenance, parseSourceId, readAsBase64, sourceId, yearChoices } from "./imports";

const prov = (cell: string, ref: { table: number; row: number; col: number } | null, text = "1") => ({
  cell,
  via: "table" as const,
  table: "表三",
  rowLabel: "（一）予以公开",
  columnLabel: "自然人",
  text,
  blank: text === "",
  ref,
});

describe("import form helpers", () => {
  it("reads a file as plain base64, bytes intact (Chinese text, not a data: URL)", async () => {
    const text = "<p>平潭综合实验区2020年政府信息公开工作年度报告</p>";
    const b64 = await readAsBase64(new Blob([text], { type: "text/html" }));
    expect(b64).not.toMatch(/^data:/);
    expect(new TextDecoder().decode(Uint8Array.from(atob(b64), (c) => c.charCodeAt(0)))).toBe(text);
  });

  it("refuses an empty or too large file before sending it", () => {
    expect(fileProblem({ size: 0 })).toBe("empty");
    expect(fileProblem({ size: IMPORT_MAX_BYTES + 1 })).toBe("tooLarge");
    expect(fileProblem({ size: IMPORT_MAX_BYTES })).toBeNull();
    expect(fileProblem({ size: 1 })).toBeNull();
  });

  it("names source cells the way the sanitized source does, and back", () => {
    expect(sourceId({ table: 2, row: 5, col: 1 })).toBe("src-2-5-1");
    expect(parseSourceId("src-2-5-1")).toEqual({ table: 2, row: 5, col: 1 });
    expect(parseSourceId("src-2")).toBeNull();
    expect(parseSourceId("report-title")).toBeNull();
  });

  it("indexes provenance by cell and by source cell, and import findings by cell", () => {
    const preview = {
      provenance: [
        prov("t3.granted.naturalPerson", { table: 1, row: 4, col: 3 }, "6"),
        // A merged source cell feeding two draft cells.
        prov("t3.carriedOver.naturalPerson", { table: 1, row: 3, col: 3 }, "0"),
        prov("t3.carriedOver.total", { table: 1, row: 3, col: 3 }, "0"),
        prov("t3.otherHandling.total", null, "其他处理4件"),
      ],
      importFindings: [
        {
          code: "cell.ambiguous" as const,
          severity: "warning" as const,
          message: { zh: "有两个不同的数", en: "two different figures" },
          cells: ["t3.granted.naturalPerson", "t3.granted.total"],
        },
      ],
    } satisfies Pick<ImportPreview, "provenance" | "importFindings">;
    const index = indexProvenance(preview);
    expect(index.byCell.get("t3.granted.naturalPerson")?.text).toBe("6");
    expect(index.byCell.get("t3.otherHandling.total")?.ref).toBeNull();
    expect(index.byCell.has("t3.granted.total")).toBe(false);
    expect(index.bySource.get("src-1-3-3")).toEqual(["t3.carriedOver.naturalPerson", "t3.carriedOver.total"]);
    expect(index.bySource.get("src-1-4-3")).toEqual(["t3.granted.naturalPerson"]);
    expect(index.findingsByCell.get("t3.granted.total")?.[0]?.code).toBe("cell.ambiguous");
    expect(index.findingsByCell.has("t3.carriedOver.total")).toBe(false);
  });

  it("offers only the years of the file's edition, the detected year among them", () => {
    expect(yearChoices(2019, 2020, 2025)).toEqual([2020, 2019]);
    expect(yearChoices(2021, 2023, 2025)).toEqual([2025, 2024, 2023, 2022, 2021]);
    // A file for a year after the latest due one (a report written early) still offers its own year.
    expect(yearChoices(2021, 2026, 2025)[0]).toBe(2026);
    expect(yearChoices(2021, null, 2025)).toEqual([2025, 2024, 2023, 2022, 2021]);
    // A 2021-edition table with a 2020 date: no year can take it but those of its edition.
    expect(yearChoices(2021, 2020, 2025)).not.toContain(2020);
  });
});
