import { exportFormats, mediaTypes } from "@gongkai/export";
import {
  AgencyIdSchema,
  locales,
  PublishedReportSchema,
  ReportIdSchema,
  ReportSchema,
  YearSchema,
} from "@gongkai/schema";
import { z } from "zod";

/** The error body every endpoint of the app answers with. */
const ErrorSchema = z.object({
  error: z.object({
    code: z.string().describe("NOT_FOUND, BAD_REQUEST, …"),
    message: z.string(),
    messageZh: z.string(),
  }),
});

type JsonObject = Record<string, unknown>;

/**
 * The component schemas, generated from the zod model (never written by hand). zod names each
 * schema by a fragment `$id`; in an OpenAPI document the component's place is its name, so the
 * `$id` and `$schema` keys are dropped (OpenAPI 3.1's dialect is JSON Schema 2020-12 already).
 */
function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  registry.add(ReportSchema, { id: "Report" });
  registry.add(PublishedReportSchema, { id: "PublishedReport" });
  registry.add(ErrorSchema, { id: "Error" });
  const { schemas } = z.toJSONSchema(registry, { io: "output", uri: (id) => `#/components/schemas/${id}` });
  return Object.fromEntries(
    Object.entries(schemas).map(([name, schema]) => {
      const { $id: _id, $schema: _schema, ...rest } = schema as JsonObject;
      return [name, rest];
    }),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const parameterSchema = (schema: z.ZodType) => {
  const { $schema: _schema, ...rest } = z.toJSONSchema(schema) as JsonObject;
  return rest;
};

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ref("Error") } },
});

const queryParameters = [
  {
    name: "version",
    in: "query",
    required: false,
    description: "A published version number; the latest when absent.",
    schema: { type: "integer", minimum: 1 },
  },
  {
    name: "lang",
    in: "query",
    required: false,
    description: "Language of labels, sheet names and headings in CSV, XLSX and DOCX (JSON is the same in both).",
    schema: { type: "string", enum: [...locales], default: "zh" },
  },
];

const cacheHeader = {
  "Cache-Control": { description: "public, max-age=60", schema: { type: "string" } },
};

const formatDescriptions: Record<(typeof exportFormats)[number], string> = {
  json: "The report itself (the `Report` document, as `gongkai-validate` and `import-json` read it).",
  csv: "Long format, UTF-8 with BOM: path, table, row, column, value, unit — one row per cell of the edition in official order (empty value = not reported), then the extra metrics.",
  xlsx: "Workbook: tables 二, 三, 四 in the official layout with merged headers, the text of the six sections, the data in long format, and the findings.",
  docx: "Word document in the official layout (A4): title, preamble, the six sections with tables 二–四, extra metrics as an annex.",
};

function downloadResponse(format: (typeof exportFormats)[number]) {
  const type = mediaTypes[format].split(";")[0] as string;
  const schema =
    format === "json" ? ref("Report") : format === "csv" ? { type: "string" } : { type: "string", format: "binary" };
  return {
    description: formatDescriptions[format],
    headers: {
      ...cacheHeader,
      "Content-Disposition": {
        description: "attachment; filename*=UTF-8''<agency>-<year>[-v<n>].<ext> (RFC 5987), with an ASCII fallback",
        schema: { type: "string" },
      },
    },
    content: { [type]: { schema } },
  };
}

function operations(
  base: string,
  pathParameters: JsonObject[],
  summary: string,
  tag: string,
): Record<string, JsonObject> {
  const errors = {
    "400": errorResponse("`lang` or `version` is not what was expected"),
    "404": errorResponse("No published report (drafts do not exist here), version or format"),
  };
  const out: Record<string, JsonObject> = {
    [base]: {
      get: {
        operationId: `${tag}Get`,
        summary: `${summary}: the published report as the portal shows it (summary, version, content, history, findings)`,
        tags: ["reports"],
        parameters: [...pathParameters, queryParameters[0]],
        responses: {
          "200": {
            description: "The published version",
            headers: cacheHeader,
            content: { "application/json": { schema: ref("PublishedReport") } },
          },
          ...errors,
        },
      },
    },
  };
  for (const format of exportFormats) {
    out[`${base}.${format}`] = {
      get: {
        operationId: `${tag}Download${format[0]?.toUpperCase()}${format.slice(1)}`,
        summary: `${summary} as ${format.toUpperCase()}`,
        tags: ["downloads"],
        parameters: [...pathParameters, ...queryParameters],
        responses: { "200": downloadResponse(format), ...errors },
      },
    };
  }
  return out;
}

let cached: JsonObject | undefined;

/** OpenAPI 3.1 description of /api/v1 (static: built once). */
export function openApiDocument(): JsonObject {
  cached ??= {
    openapi: "3.1.0",
    info: {
      title: "Gongkai — 政府信息公开工作年度报告 REST API",
      version: "1.0.0",
      description:
        "Read-only access to published annual reports on government information disclosure. Drafts do not exist here. Answers may be cached for 60 seconds. Cells that a report did not state are null (never 0).",
    },
    servers: [{ url: "/api/v1" }],
    tags: [
      { name: "reports", description: "Published reports as JSON" },
      { name: "downloads", description: "Published reports as files" },
    ],
    paths: {
      ...operations(
        "/reports/{id}",
        [{ name: "id", in: "path", required: true, schema: parameterSchema(ReportIdSchema) }],
        "A report by id",
        "reportById",
      ),
      ...operations(
        "/agencies/{agencyId}/reports/{year}",
        [
          { name: "agencyId", in: "path", required: true, schema: parameterSchema(AgencyIdSchema) },
          { name: "year", in: "path", required: true, schema: parameterSchema(YearSchema) },
        ],
        "An agency's report for a year",
        "reportByAgencyYear",
      ),
      "/openapi.json": {
        get: {
          operationId: "openApi",
          summary: "This document",
          responses: {
            "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } },
          },
        },
      },
    },
    components: { schemas: componentSchemas() },
  };
  return cached;
}
