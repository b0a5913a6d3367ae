import type { AgencyRef } from "./agency";
import { cellPaths } from "./catalog";
import { type Edition, editionForYear } from "./edition";
import type { Report, ReportOf } from "./report";
import { type Sections, sectionKeys } from "./sections";

function blankTables(edition: Edition): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of cellPaths(edition)) {
    const parts = path.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      node[part] ??= {};
      node = node[part] as Record<string, unknown>;
    }
    node[parts[parts.length - 1] as string] = null;
  }
  return root;
}

export function blankSections(): Sections {
  return Object.fromEntries(sectionKeys.map((k) => [k, { heading: null, text: null }])) as Sections;
}

export interface NewReportInput {
  agency: AgencyRef;
  year: number;
  /** Defaults to the edition the year requires (rule 1). */
  edition?: Edition;
}

/** A draft with every cell `null` (not reported) and every section empty. */
export function emptyReport<E extends Edition>(input: NewReportInput & { edition: E }): ReportOf<E>;
export function emptyReport(input: NewReportInput): Report;
export function emptyReport(input: NewReportInput): Report {
  const edition = input.edition ?? editionForYear(input.year) ?? 2019;
  // Keys in the schema's order, so that parse(JSON) gives back the same JSON text.
  return {
    edition,
    schemaVersion: 1,
    agency: input.agency,
    year: input.year,
    layout: "template",
    title: null,
    preamble: null,
    sections: blankSections(),
    closing: null,
    status: "draft",
    publicationDate: null,
    extraMetrics: [],
    footnotes: [],
    tables: blankTables(edition),
  } as unknown as Report;
}
