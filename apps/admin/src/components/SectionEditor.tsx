import type { Finding, Report } from "@gongkai/schema";
import { countCharacters } from "@gongkai/schema";
import {
  type CellValue,
  cellDefs,
  getCell,
  officialHeadings,
  type SectionKey,
  tableSections,
} from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { Button, Input, Space, Tooltip, Typography } from "antd";
import { useId } from "react";
import { EditGrid } from "./EditGrid";

/** 2021 guidance: the overview (一、总体情况) is at most 1,000 characters. */
export const OVERVIEW_LIMIT = 1000;

export interface SectionEditorProps {
  report: Report;
  section: SectionKey;
  findings: readonly Finding[];
  highlight: ReadonlySet<string>;
  prefilled: ReadonlySet<string>;
  comments: ReadonlyMap<string, number>;
  readOnly: boolean;
  onText(section: SectionKey, field: "heading" | "text", value: string | null): void;
  onCells(changes: readonly (readonly [string, CellValue])[], label: string): void;
  onFocusCell(path: string): void;
  onPasteProblems(count: number): void;
}

/** One of the six sections: its heading, its narrative, and (二–四) its table as the format draws it. */
export function SectionEditor(props: SectionEditorProps) {
  const { t, l, locale } = useI18n();
  const { report, section } = props;
  const textId = useId();
  const headingId = useId();
  const value = report.sections[section];
  const text = value.text ?? "";
  const chars = countCharacters(text);
  const limit = section === "overview" && report.edition === 2021 ? OVERVIEW_LIMIT : null;
  const table = (tableSections as Partial<Record<SectionKey, "t2" | "t3" | "t4">>)[section];
  const sectionFindings = props.findings.filter((f) => f.section === section && f.cells.length === 0);
  const fillZeros = () => {
    if (!table) return;
    const changes = cellDefs(report.edition)
      .filter((d) => d.table === table)
      .map((d) => [d.path, d.type === "money" ? { amount: "0", unit: "万元" as const } : 0] as const)
      .filter(([path]) => getCell(report, path) === null);
    if (changes.length) props.onCells(changes, t("grid.zeros"));
  };
  return (
    <section className="section-editor" id={`section-${section}`} aria-labelledby={headingId}>
      <Typography.Title level={2} id={headingId} className="section-title">
        {l(officialHeadings[section])}
      </Typography.Title>
      <div className="field">
        <label htmlFor={`${textId}-heading`}>{t("editor.heading")}</label>
        <Input
          id={`${textId}-heading`}
          value={value.heading ?? ""}
          placeholder={l(officialHeadings[section])}
          readOnly={props.readOnly}
          onChange={(e) => props.onText(section, "heading", e.target.value.trim() ? e.target.value : null)}
        />
      </div>
      <div className="field">
        <label htmlFor={textId}>{table ? t("editor.textBeside") : t("editor.text")}</label>
        <Input.TextArea
          id={textId}
          value={text}
          readOnly={props.readOnly}
          autoSize={{ minRows: table ? 3 : 6, maxRows: 30 }}
          onChange={(e) => props.onText(section, "text", e.target.value === "" ? null : e.target.value)}
          aria-describedby={`${textId}-count`}
          status={limit && chars > limit ? "warning" : undefined}
        />
        <div
          id={`${textId}-count`}
          className={limit && chars > limit ? "char-count over" : "char-count"}
          aria-live="polite"
        >
          {limit ? t("editor.charsLimit", { n: chars, max: limit }) : t("editor.chars", { n: chars })}
        </div>
      </div>
      {sectionFindings.map((f) => (
        <p key={`${f.ruleId}-${f.message.zh}`} className={`section-finding ${f.severity}`}>
          {f.ruleId} · {f.message[locale]}
        </p>
      ))}
      {table && (
        <>
          <Space className="table-tools" wrap>
            <Tooltip title={t("grid.zerosHelp")}>
              <Button size="small" onClick={fillZeros} disabled={props.readOnly}>
                {t("grid.zeros")}
              </Button>
            </Tooltip>
            <Typography.Text type="secondary" className="grid-help">
              {t("grid.help")}
            </Typography.Text>
          </Space>
          <EditGrid
            report={report}
            table={table}
            findings={props.findings}
            highlight={props.highlight}
            prefilled={props.prefilled}
            comments={props.comments}
            readOnly={props.readOnly}
            onChange={props.onCells}
            onFocusCell={props.onFocusCell}
            onPasteProblems={props.onPasteProblems}
          />
        </>
      )}
    </section>
  );
}
