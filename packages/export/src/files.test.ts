import { describe, expect, it } from "vitest";
import { exportFileName, mediaTypes } from "./files";

const agency = (name: string) => ({
  agency: { id: "pingtan", name, regionCode: "350128", level: "prefecture", kind: "consolidated" } as const,
  year: 2024,
});

describe("exportFileName", () => {
  it("names the agency, the year and, when given, the version", () => {
    expect(exportFileName(agency("平潭综合实验区"), "xlsx")).toBe("平潭综合实验区-2024.xlsx");
    expect(exportFileName(agency("平潭综合实验区"), "csv", 2)).toBe("平潭综合实验区-2024-v2.csv");
  });

  it("replaces characters no file system accepts, and falls back to the id", () => {
    expect(exportFileName(agency('a/b\\c:d*e?f"g<h>i|j\u0001'), "docx")).toBe("a_b_c_d_e_f_g_h_i_j_-2024.docx");
    expect(exportFileName(agency("  "), "json")).toBe("pingtan-2024.json");
  });

  it("has a media type for every format", () => {
    expect(Object.keys(mediaTypes).sort()).toEqual(["csv", "docx", "json", "xlsx"]);
  });
});
