import { type Context, createCallerFactory, createContext, type Deps, DomainError, portalRouter } from "@gongkai/api";
import {
  type ExportFormat,
  exportFileName,
  exportFormats,
  mediaTypes,
  reportCsv,
  reportDocx,
  reportXlsx,
} from "@gongkai/export";
import {
  AgencyIdSchema,
  type Locale,
  locales,
  type PortalReportGetInput,
  type PublishedReport,
  ReportIdSchema,
  YearSchema,
} from "@gongkai/schema";
import { TRPCError } from "@trpc/server";
import { Hono, type Context as HonoContext } from "hono";
import { openApiDocument } from "./openapi";

type Env = { Variables: { requestId: string } };
type C = HonoContext<Env>;

/** Published data only, like the portal: a shared cache may keep any answer for a minute. */
const CACHE = "public, max-age=60";

const portalCaller = createCallerFactory(portalRouter);

type Failure = { status: 400 | 404; code: "BAD_REQUEST" | "NOT_FOUND"; message: string; messageZh: string };

const fail = (c: C, f: Failure) =>
  c.json({ error: { code: f.code, message: f.message, messageZh: f.messageZh } }, f.status);

const notFound = (message: string, messageZh: string): Failure => ({
  status: 404,
  code: "NOT_FOUND",
  message,
  messageZh,
});
const badRequest = (message: string, messageZh: string): Failure => ({
  status: 400,
  code: "BAD_REQUEST",
  message,
  messageZh,
});

/** `rpt_x`, `rpt_x.csv`, `2024.xlsx`: the resource and, when present, the format asked for. */
function splitFile(file: string): { stem: string; format: ExportFormat | null } | Failure {
  const dot = file.lastIndexOf(".");
  if (dot < 0) return { stem: file, format: null };
  const ext = file.slice(dot + 1).toLowerCase();
  if (!(exportFormats as readonly string[]).includes(ext)) {
    return notFound(
      `Unknown format ".${ext}"; use .json, .csv, .xlsx or .docx`,
      `不支持的格式“.${ext}”，可用 .json、.csv、.xlsx 或 .docx`,
    );
  }
  return { stem: file.slice(0, dot), format: ext as ExportFormat };
}

interface Query {
  lang: Locale;
  version: number | undefined;
}

function parseQuery(c: C): Query | Failure {
  const lang = c.req.query("lang") ?? "zh";
  if (!(locales as readonly string[]).includes(lang)) {
    return badRequest(
      `lang must be "zh" or "en" (got "${lang.slice(0, 20)}")`,
      `lang 应为 "zh" 或 "en"（收到“${lang.slice(0, 20)}”）`,
    );
  }
  const raw = c.req.query("version");
  if (raw !== undefined && !/^[1-9]\d{0,8}$/.test(raw)) {
    return badRequest(
      `version must be a published version number: a whole number ≥ 1 (got "${raw.slice(0, 20)}")`,
      `version 应为已发布的版本号，即不小于1的整数（收到“${raw.slice(0, 20)}”）`,
    );
  }
  return { lang: lang as Locale, version: raw === undefined ? undefined : Number(raw) };
}

const isFailure = (v: object): v is Failure => "status" in v;

/** RFC 6266 / 5987: an ASCII fallback, then the real (Chinese) name percent-encoded as UTF-8. */
export function contentDisposition(fileName: string, fallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

async function load(ctx: Context, input: PortalReportGetInput): Promise<PublishedReport | Failure> {
  try {
    return await portalCaller(ctx).reports.get(input);
  } catch (err) {
    const domain = err instanceof TRPCError ? err.cause : err;
    if (domain instanceof DomainError && domain.kind === "NOT_FOUND") return notFound(domain.message, domain.zh);
    throw err;
  }
}

async function respond(c: C, deps: Deps, file: string, target: (stem: string) => PortalReportGetInput | Failure) {
  const split = splitFile(file);
  if (isFailure(split)) return fail(c, split);
  const query = parseQuery(c);
  if (isFailure(query)) return fail(c, query);
  const input = target(split.stem);
  if (isFailure(input)) return fail(c, input);
  const ctx = createContext(deps, { viewer: null, requestId: c.get("requestId") });
  const published = await load(ctx, query.version === undefined ? input : { ...input, version: query.version });
  if (isFailure(published)) return fail(c, published);

  if (split.format === null) return c.json(published, 200, { "cache-control": CACHE });

  const report = published.content;
  const number = published.version.number;
  // Name the version when it is not the only one, so two downloads never share a name.
  const version = query.version !== undefined || published.versions.length > 1 ? number : undefined;
  const name = exportFileName(report, split.format, version);
  const fallback = exportFileName(
    { ...report, agency: { ...report.agency, name: report.agency.id } },
    split.format,
    version,
  );
  const headers = {
    "content-type": mediaTypes[split.format],
    "content-disposition": contentDisposition(name, fallback),
    "cache-control": CACHE,
  };
  const options = { locale: query.lang, findings: published.findings, version: number };
  switch (split.format) {
    case "json":
      return c.body(`${JSON.stringify(report, null, 2)}\n`, 200, headers);
    case "csv":
      return c.body(reportCsv(report, options), 200, headers);
    case "xlsx":
      return c.body(toArrayBuffer(await reportXlsx(report, options)), 200, headers);
    case "docx":
      return c.body(toArrayBuffer(await reportDocx(report, options)), 200, headers);
  }
}

const toArrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

const noReport = () => notFound("Report not found", "报告不存在");

/**
 * The read-only REST surface under /api/v1: a published report as JSON (the same answer as the
 * portal's `reports.get`) and as downloadable files, by id or by agency and year, plus the
 * OpenAPI document describing it.
 */
export function restApi(deps: Deps) {
  const api = new Hono<Env>();

  api.get("/openapi.json", (c) => c.json(openApiDocument(), 200, { "cache-control": CACHE }));

  api.get("/reports/:file", (c) =>
    respond(c, deps, c.req.param("file"), (stem) =>
      ReportIdSchema.safeParse(stem).success ? { id: stem } : noReport(),
    ),
  );

  api.get("/agencies/:agencyId/reports/:file", (c) =>
    respond(c, deps, c.req.param("file"), (stem) => {
      const agencyId = c.req.param("agencyId");
      const year = /^\d{4}$/.test(stem) ? Number(stem) : Number.NaN;
      if (!AgencyIdSchema.safeParse(agencyId).success || !YearSchema.safeParse(year).success) return noReport();
      return { agencyId, year };
    }),
  );

  return api;
}
