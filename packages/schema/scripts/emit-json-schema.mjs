// Writes dist/report.schema.json from the zod schemas (the contract other teams can use without zod).
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { FindingSchema, ReportSchema } from "../dist/index.js";

export function reportJsonSchema() {
  return {
    ...z.toJSONSchema(ReportSchema, { target: "draft-2020-12", io: "input", reused: "ref" }),
    $id: "https://gongkai.example/schema/report.schema.json",
    title: "政府信息公开工作年度报告 / Annual report on government information disclosure",
  };
}

writeFileSync(
  new URL("../dist/report.schema.json", import.meta.url),
  `${JSON.stringify(reportJsonSchema(), null, 2)}\n`,
);
writeFileSync(
  new URL("../dist/finding.schema.json", import.meta.url),
  `${JSON.stringify(z.toJSONSchema(FindingSchema, { target: "draft-2020-12" }), null, 2)}\n`,
);
