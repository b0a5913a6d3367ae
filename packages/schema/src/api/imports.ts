import { z } from "zod";
import { AgencyIdSchema } from "../agency";
import { EditionSchema } from "../edition";
import { LabelSchema } from "../label";
import { ReportLayoutSchema, ReportSchema, ReportStatusSchema } from "../report";
import { FindingSchema } from "../rules/finding";
import { SectionKeySchema } from "../sections";
import { IsoDateSchema, ReportIdSchema, YearSchema } from "./common";
import { ReportAgencySchema } from "./reports";

/** Largest file the importer reads (the admin API refuses bigger uploads before decoding them). */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * What the importer could not read, or read with doubt. Stable codes, so that a UI can group them;
 * the message says the same in both languages.
 */
export const importFindingCodes = [
  "input.empty",
  "input.tooLarge",
  "input.binary",
  "input.unsupported",
  "input.encoding",
  "input.embedded",
  "input.notReport",
  "input.docx",
  "input.failed",
  "html.noTables",
  "html.nestedTables",
  "html.tableTooLarge",
  "meta.agency",
  "meta.year",
  "meta.edition",
  "section.missing",
  "section.repeated",
  "section.lostTable",
  "table.missing",
  "table.unknownRow",
  "table.unknownColumn",
  "table.continued",
  "table.fromText",
  "table.spannedCells",
  "cell.missing",
  "cell.ambiguous",
  "cell.unreadable",
  "cell.flattened",
  "cell.conflict",
  "cell.fromText",
] as const;
export const ImportFindingCodeSchema = z.enum(importFindingCodes);
export type ImportFindingCode = z.infer<typeof ImportFindingCodeSchema>;

/** error: nothing (or nothing useful) could be read; warning: check it; info: how it was read. */
export const importSeverities = ["error", "warning", "info"] as const;
export const ImportSeveritySchema = z.enum(importSeverities);

/** A cell of the source as the sanitized source shows it: table number, row and column of its top-left slot. */
export const ImportSourceRefSchema = z.object({
  table: z.number().int().min(0),
  row: z.number().int().min(0),
  col: z.number().int().min(0),
});
export type ImportSourceRef = z.infer<typeof ImportSourceRefSchema>;

export const ImportFindingSchema = z.object({
  code: ImportFindingCodeSchema,
  severity: ImportSeveritySchema,
  message: LabelSchema,
  /** Cell paths left null (or read with doubt) because of this. */
  cells: z.array(z.string()),
  section: SectionKeySchema.optional(),
  source: ImportSourceRefSchema.optional(),
  /** The text as written, where it helps (shortened). */
  text: z.string().max(400).optional(),
});
export type ImportFinding = z.infer<typeof ImportFindingSchema>;

/** Where one cell of the draft came from. */
export const CellProvenanceSchema = z.object({
  cell: z.string(),
  /** `table`: a table cell; `text`: a sentence of the narrative (legacy reports without tables). */
  via: z.enum(["table", "text"]),
  /** The table (or sub-table) as the document heads it, e.g. "第二十条第（一）项". */
  table: z.string().nullable(),
  rowLabel: z.string(),
  columnLabel: z.string(),
  /** The cell, or the sentence, as written. Empty for a blank cell. */
  text: z.string(),
  /** True when the source cell was there but blank ("", "—", "无"): the draft keeps null. */
  blank: z.boolean(),
  ref: ImportSourceRefSchema.nullable(),
  section: SectionKeySchema.optional(),
});
export type CellProvenance = z.infer<typeof CellProvenanceSchema>;

export const importFormats = ["html", "docx", "text", "script"] as const;

/** What the importer recognised in the file. */
export const ImportDetectedSchema = z.object({
  format: z.enum(importFormats).nullable(),
  title: z.string().nullable(),
  agencyName: z.string().nullable(),
  year: YearSchema.nullable(),
  edition: EditionSchema.nullable(),
  /** How the edition was decided: from table labels, from the year, or neither (default 2019). */
  editionFrom: z.enum(["labels", "year", "default"]),
  layout: ReportLayoutSchema,
  publicationDate: IsoDateSchema.nullable(),
  sections: z.array(SectionKeySchema),
  tables: z.array(z.enum(["t2", "t3", "t4"])),
});
export type ImportDetected = z.infer<typeof ImportDetectedSchema>;

export const ImportStatsSchema = z.object({
  cellsTotal: z.number().int().min(0),
  /** Cells with a figure. */
  cellsRead: z.number().int().min(0),
  /** Cells found in the source but blank there. */
  cellsBlank: z.number().int().min(0),
  /** Cells the draft leaves null (blank in the source, or not found). */
  cellsNull: z.number().int().min(0),
});
export type ImportStats = z.infer<typeof ImportStatsSchema>;

const base64Max = Math.ceil(IMPORT_MAX_BYTES / 3) * 4;

/** A file as the admin console uploads it (base64, optionally as a data: URL). */
export const ImportUploadInputSchema = z.object({
  filename: z.string().trim().min(1).max(255),
  mediaType: z.string().max(255).default(""),
  contentBase64: z
    .string()
    .min(1, { error: "the file is empty / 文件为空" })
    .max(base64Max + 200, {
      error: `the file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB / 文件超过 ${IMPORT_MAX_BYTES / 1024 / 1024} MB`,
    }),
});
export type ImportUploadInput = z.input<typeof ImportUploadInputSchema>;

/** Create the draft from a previewed file: the same upload (parsed again), the agency and year to use. */
export const ImportAcceptInputSchema = ImportUploadInputSchema.extend({
  /** Defaults to the agency matched from the detected name. */
  agencyId: AgencyIdSchema.optional(),
  /** Defaults to the detected year. */
  year: YearSchema.optional(),
});
export type ImportAcceptInput = z.input<typeof ImportAcceptInputSchema>;

/** How the detected agency name was matched to an agency of the platform. */
export const ImportAgencyMatchSchema = z.object({
  status: z.enum(["exact", "renamed", "partial", "ambiguous", "none"]),
  agency: ReportAgencySchema.nullable(),
  candidates: z.array(z.object({ id: AgencyIdSchema, name: z.string() })),
  /** The viewer is an editor of the matched agency (may accept the import). */
  canAccept: z.boolean(),
});
export type ImportAgencyMatch = z.infer<typeof ImportAgencyMatchSchema>;

/** Everything the import form shows: what was detected, the draft, where each figure came from, what was not read. */
export const ImportPreviewSchema = z.object({
  filename: z.string(),
  detected: ImportDetectedSchema,
  agency: ImportAgencyMatchSchema,
  /** null when nothing report-like could be read (the import findings say why). */
  draft: ReportSchema.nullable(),
  provenance: z.array(CellProvenanceSchema),
  importFindings: z.array(ImportFindingSchema),
  /** The matched agency's report for the detected year, if there already is one (accept would then be refused). */
  existing: z.object({ id: ReportIdSchema, state: ReportStatusSchema }).nullable(),
  /** validateReport of the draft, as its agency. */
  findings: z.array(FindingSchema),
  stats: ImportStatsSchema,
  /** The source as sanitized HTML (tables with their merged cells, paragraphs; no scripts, styles or attributes
   * but rowspan/colspan and ids `src-<table>-<row>-<col>` that provenance refs point at). */
  source: z.object({ kind: z.enum(["html", "text"]), html: z.string() }),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
