import type { CellProvenance, ImportFinding, ImportPreview, ImportSourceRef } from "@gongkai/schema";
import { IMPORT_MAX_BYTES } from "@gongkai/schema";
import { type Edition, editionForYear } from "@gongkai/schema/meta";

/** The file types the import form offers (the importer also reads a few others, e.g. a page's script). */
export const IMPORT_ACCEPT = ".html,.htm,.docx,.txt";

/** Why a file is refused before it is sent: too large (the API refuses it anyway), or empty. */
export function fileProblem(file: { size: number }): "tooLarge" | "empty" | null {
  if (file.size > IMPORT_MAX_BYTES) return "tooLarge";
  if (file.size === 0) return "empty";
  return null;
}

/** The file's bytes as plain base64 (FileReader gives a data: URL; the API wants what follows the comma). */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.onload = () => {
      const url = String(reader.result ?? "");
      const comma = url.indexOf(",");
      resolve(comma >= 0 ? url.slice(comma + 1) : "");
    };
    reader.readAsDataURL(file);
  });
}

/** The id the sanitized source gives a table cell: `src-<table>-<row>-<col>`. */
export const sourceId = (ref: ImportSourceRef) => `src-${ref.table}-${ref.row}-${ref.col}`;

/** The reverse: a source cell's id as a ref (null for anything else). */
export function parseSourceId(id: string): ImportSourceRef | null {
  const m = /^src-(\d+)-(\d+)-(\d+)$/.exec(id);
  return m ? { table: Number(m[1]), row: Number(m[2]), col: Number(m[3]) } : null;
}

export interface ProvenanceIndex {
  /** Where each located cell came from. */
  byCell: ReadonlyMap<string, CellProvenance>;
  /** The draft cells read from each source cell (a merged cell can feed several). */
  bySource: ReadonlyMap<string, readonly string[]>;
  /** Import findings naming each cell. */
  findingsByCell: ReadonlyMap<string, readonly ImportFinding[]>;
}

export function indexProvenance(preview: Pick<ImportPreview, "provenance" | "importFindings">): ProvenanceIndex {
  const byCell = new Map<string, CellProvenance>();
  const bySource = new Map<string, string[]>();
  for (const p of preview.provenance) {
    if (!byCell.has(p.cell)) byCell.set(p.cell, p);
    if (p.ref) {
      const id = sourceId(p.ref);
      bySource.set(id, [...(bySource.get(id) ?? []), p.cell]);
    }
  }
  const findingsByCell = new Map<string, ImportFinding[]>();
  for (const f of preview.importFindings)
    for (const c of f.cells) findingsByCell.set(c, [...(findingsByCell.get(c) ?? []), f]);
  return { byCell, bySource, findingsByCell };
}

/**
 * The years a draft may be created for: those whose edition is the file's (a 2019-edition table
 * cannot become a 2021-edition report), the detected year always among them if it qualifies.
 */
export function yearChoices(edition: Edition, detected: number | null, latest: number): number[] {
  const years = new Set<number>();
  for (let y = Math.max(latest, detected ?? 0); y >= 2019; y--) if (editionForYear(y) === edition) years.add(y);
  return [...years];
}

/** Scroll a scrolling pane (not the page) so that an element inside it is in the middle. */
export function scrollWithin(pane: HTMLElement, el: HTMLElement): void {
  const p = pane.getBoundingClientRect();
  const e = el.getBoundingClientRect();
  const top = pane.scrollTop + (e.top - p.top) - (pane.clientHeight - e.height) / 2;
  const left = pane.scrollLeft + (e.left - p.left) - (pane.clientWidth - e.width) / 2;
  pane.scrollTo({ top: Math.max(0, top), left: Math.max(0, left), behavior: "smooth" });
}
