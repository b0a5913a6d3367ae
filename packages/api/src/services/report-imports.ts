import { agencies, agencyEvents, and, type Executor, eq, reports, sql } from "@gongkai/db";
import { type ImportResult, importReport, withAgency } from "@gongkai/importer";
import {
  type AgencyRef,
  type DraftReport,
  editionForYear,
  getCell,
  IMPORT_MAX_BYTES,
  type ImportAgencyMatch,
  type ImportPreview,
  type Report,
  setCell,
} from "@gongkai/schema";
import type { Context } from "../context";
import { badRequest } from "../errors";
import { assertRole, isEditor } from "../permissions";
import type { AuthedContext } from "../trpc";
import { createReport, previousYearContent, saveDraft } from "./drafts";
import { type AgencyInfo, audit, Deadlines, loadAgency } from "./shared";

export { loadAgency };

/** A file as the console uploads it. */
export interface UploadInput {
  filename: string;
  mediaType?: string | undefined;
  contentBase64: string;
}

const MB = IMPORT_MAX_BYTES / 1024 / 1024;

/** The upload's bytes: base64 (or a data: URL), at most IMPORT_MAX_BYTES. */
export function decodeUpload(input: UploadInput): Uint8Array {
  const b64 = input.contentBase64.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(b64)) {
    throw badRequest("The file content is not valid base64", "文件内容不是有效的base64编码");
  }
  if (Math.floor((b64.length * 3) / 4) > IMPORT_MAX_BYTES + 2) {
    throw badRequest(`The file is larger than ${MB} MB`, `文件超过 ${MB} MB`);
  }
  const bytes = new Uint8Array(Buffer.from(b64, "base64"));
  if (bytes.length > IMPORT_MAX_BYTES) throw badRequest(`The file is larger than ${MB} MB`, `文件超过 ${MB} MB`);
  if (bytes.length === 0) throw badRequest("The file is empty", "文件为空");
  return bytes;
}

export interface AgencyMatch {
  status: ImportAgencyMatch["status"];
  agency: AgencyInfo | null;
  candidates: { id: string; name: string }[];
}

/**
 * The agency a detected name means: the same name; a former name (renamed); else the one agency whose
 * name contains it or is contained in it. Several → ambiguous (someone chooses); none → none.
 */
export async function matchAgency(exec: Executor, detected: string | null): Promise<AgencyMatch> {
  const name = detected?.replace(/\s+/g, "") ?? "";
  if (name.length < 2) return { status: "none", agency: null, candidates: [] };
  const exact = await exec
    .select({ id: agencies.id, name: agencies.name, status: agencies.status })
    .from(agencies)
    .where(eq(agencies.name, name));
  const active = exact.filter((a) => a.status === "active");
  const pick = active.length === 1 ? active : exact;
  if (pick.length === 1)
    return { status: "exact", agency: await loadAgency(exec, (pick[0] as { id: string }).id), candidates: [] };
  if (exact.length > 1)
    return { status: "ambiguous", agency: null, candidates: exact.map(({ id, name }) => ({ id, name })) };
  const renamed = await exec
    .selectDistinct({ id: agencyEvents.agencyId })
    .from(agencyEvents)
    .where(and(eq(agencyEvents.kind, "renamed"), eq(agencyEvents.fromName, name)));
  if (renamed.length === 1)
    return { status: "renamed", agency: await loadAgency(exec, (renamed[0] as { id: string }).id), candidates: [] };
  if (name.length < 4) return { status: "none", agency: null, candidates: [] };
  const partial = await exec
    .select({ id: agencies.id, name: agencies.name })
    .from(agencies)
    .where(
      sql`${agencies.status} = 'active' and (strpos(${agencies.name}, ${name}) > 0 or (char_length(${agencies.name}) >= 4 and strpos(${name}, ${agencies.name}) > 0))`,
    )
    .orderBy(agencies.name)
    .limit(11);
  if (partial.length === 1)
    return { status: "partial", agency: await loadAgency(exec, (partial[0] as { id: string }).id), candidates: [] };
  if (partial.length > 1) return { status: "ambiguous", agency: null, candidates: partial.slice(0, 10) };
  return { status: "none", agency: null, candidates: [] };
}

const refOf = (a: AgencyInfo): AgencyRef => ({
  id: a.id,
  name: a.name,
  regionCode: a.regionCode,
  level: a.level,
  kind: a.kind,
});

/** The import as the agency's report: its envelope, and the rules run with its deadlines and last year's report. */
export async function asAgency(
  ctx: Context,
  exec: Executor,
  result: ImportResult,
  agency: AgencyInfo,
): Promise<ImportResult> {
  const year = result.draft?.year ?? result.detected.year;
  const deadlines = await Deadlines.load(ctx, exec, [agency.regionCode]);
  const previous = year ? await previousYearContent(exec, agency.id, year) : null;
  return withAgency(result, refOf(agency), { previous, deadlines: deadlines.configFor(agency.regionCode) });
}

function assertImporter(ctx: AuthedContext): void {
  assertRole(
    ctx.viewer.memberships.some((m) => m.role === "editor"),
    "Only editors import reports",
    "只有编辑人员可以导入报告",
  );
}

/** The agency's report for a year, if any. */
export async function existingReport(
  exec: Executor,
  agencyId: string,
  year: number | null,
): Promise<{ id: string; state: DraftReport["state"] } | null> {
  if (year === null) return null;
  const [row] = await exec
    .select({ id: reports.id, state: reports.state })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.year, year)));
  return row ?? null;
}

/** Dry run: what the file holds, as the import form shows it. Writes nothing. */
export async function previewImport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: UploadInput;
}): Promise<ImportPreview> {
  assertImporter(ctx);
  const bytes = decodeUpload(input);
  const exec = ctx.deps.db.db;
  let result = await importReport({ content: bytes, filename: input.filename, mediaType: input.mediaType ?? "" });
  const match = await matchAgency(exec, result.detected.agencyName);
  if (match.agency && result.draft) result = await asAgency(ctx, exec, result, match.agency);
  return {
    filename: input.filename,
    detected: result.detected,
    agency: {
      status: match.status,
      agency: match.agency
        ? {
            id: match.agency.id,
            name: match.agency.name,
            regionCode: match.agency.regionCode,
            regionName: match.agency.regionName,
            level: match.agency.level,
            kind: match.agency.kind,
          }
        : null,
      candidates: match.candidates,
      canAccept: match.agency !== null && isEditor(ctx.viewer, match.agency.id),
    },
    draft: result.draft,
    existing: match.agency ? await existingReport(exec, match.agency.id, result.detected.year) : null,
    provenance: result.provenance,
    importFindings: result.importFindings,
    findings: result.findings,
    stats: result.stats,
    source: result.source,
  };
}

function unreadable(result: ImportResult) {
  const why = result.importFindings.find((f) => f.severity === "error");
  return badRequest(
    `The file could not be read as a report${why ? `: ${why.message.en}` : ""}`,
    `无法将该文件读取为年度报告${why ? `：${why.message.zh}` : ""}`,
  );
}

/**
 * The draft an import becomes, created through the same services as a draft typed in the console
 * (createReport → saveDraft): same permissions, same audit, same checks. Cells the file does not have
 * keep what createReport prefilled (上年结转 from last year's 结转下年度继续办理).
 */
export async function createDraftFromImport(
  ctx: AuthedContext,
  input: { result: ImportResult; agencyId: string; year: number; filename: string },
): Promise<DraftReport> {
  const { result, agencyId, year } = input;
  const imported = result.draft;
  if (!imported) throw unreadable(result);
  // Authorisation first (createReport decides it); the edition is checked before anything is written.
  if (isEditor(ctx.viewer, agencyId)) {
    const edition = editionForYear(year);
    if (edition !== null && edition !== imported.edition) {
      throw badRequest(
        `The file is laid out in the ${imported.edition} edition, but a ${year} report uses the ${edition} edition: its tables cannot be carried over`,
        `文件使用${imported.edition}年版格式，而${year}年度报告应使用${edition}年版，表格无法导入`,
      );
    }
  }
  const created = await createReport({ ctx, input: { agencyId, year } });
  const located = new Set(result.provenance.map((p) => p.cell));
  let content: Report = imported;
  for (const path of created.prefilled) {
    const value = getCell(created.content, path);
    if (!located.has(path) && value !== undefined) content = setCell(content, path, value);
  }
  content = {
    ...content,
    agency: created.content.agency,
    year,
    title: imported.title ?? created.content.title,
    status: "draft",
    publicationDate: null,
    source: { ...(imported.source ?? {}), note: `导入自 / imported from ${input.filename}` },
  } as Report;
  const saved = await saveDraft({ ctx, input: { id: created.id, lockVersion: created.lockVersion, content } });
  await audit(ctx.deps.db.db, ctx, {
    action: "report.import",
    entityType: "report",
    entityId: created.id,
    regionCode: created.agency.regionCode,
    after: {
      filename: input.filename,
      cellsRead: result.stats.cellsRead,
      cellsNull: result.stats.cellsNull,
      importFindings: result.importFindings.length,
    },
  });
  return saved;
}

/** Create the draft from a previewed file: the same upload, parsed again. Editors of the agency only (as reports.create). */
export async function acceptImport({
  ctx,
  input,
}: {
  ctx: AuthedContext;
  input: UploadInput & { agencyId?: string | undefined; year?: number | undefined };
}): Promise<DraftReport> {
  const bytes = decodeUpload(input);
  const exec = ctx.deps.db.db;
  const result = await importReport({ content: bytes, filename: input.filename, mediaType: input.mediaType ?? "" });
  let agencyId = input.agencyId;
  if (!agencyId) {
    const match = await matchAgency(exec, result.detected.agencyName);
    if (!match.agency) {
      if (!result.draft) throw unreadable(result);
      throw badRequest(
        `The agency "${result.detected.agencyName ?? "?"}" was not recognised (${match.status}); choose one`,
        `未能识别机关“${result.detected.agencyName ?? "？"}”，请指定机关`,
        { candidates: match.candidates },
      );
    }
    agencyId = match.agency.id;
  }
  const year = input.year ?? result.detected.year;
  if (year === null)
    throw badRequest("The report year was not found in the file; give it", "文件中未识别出报告年度，请指定年度");
  return createDraftFromImport(ctx, { result, agencyId, year, filename: input.filename });
}
