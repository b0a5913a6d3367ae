import type { Finding, Report } from "@gongkai/schema";
import { editionLabels, officialHeadings, type SectionKey, sectionKeys } from "@gongkai/schema/meta";
import { type ReactElement, useMemo } from "react";
import { formatDate } from "../format";
import { useI18n } from "../i18n";
import type { CellMarks } from "./cell";
import { Table2, Table3, Table4 } from "./tables";

export interface OfficialReportProps {
  report: Report;
  findings?: readonly Finding[];
  /** Cells to highlight (the finding the reader selected). */
  highlight?: ReadonlySet<string>;
  /** Prefix for element ids, when a page shows more than one report. */
  idPrefix?: string;
  /** Heading level of the report title (default 1). */
  level?: 1 | 2;
  /** Draws each data cell instead of the read-only one (see CellMarks.renderCell). */
  renderCell?: CellMarks["renderCell"];
}

/** Narrative text as paragraphs: the reports' own line breaks are their paragraphs. */
function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((p) => p.trim())
        .map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs of a fixed text
          <p key={i}>{p}</p>
        ))}
    </>
  );
}

/**
 * The report in the official layout: the six sections in order, tables 二, 三 and 四 drawn as the
 * national format draws them, footnotes beside their cells, the cells of findings marked.
 */
export function OfficialReport({
  report,
  findings = [],
  highlight,
  idPrefix = "",
  level = 1,
  renderCell,
}: OfficialReportProps) {
  const { t, l, locale } = useI18n();
  const marks = useMemo<CellMarks>(() => {
    const flagged = new Map<string, "error" | "warning">();
    for (const f of findings) {
      for (const c of f.cells) {
        if (f.severity === "error" || !flagged.has(c)) flagged.set(c, f.severity);
      }
    }
    const footnotes = new Map<string, number>();
    report.footnotes.forEach((f, i) => {
      if (!footnotes.has(f.cell)) footnotes.set(f.cell, i + 1);
    });
    return { flagged, highlight: highlight ?? new Set(), footnotes, idPrefix, ...(renderCell ? { renderCell } : {}) };
  }, [findings, highlight, report.footnotes, idPrefix, renderCell]);
  const H = level === 1 ? "h1" : "h2";
  const S = level === 1 ? "h2" : "h3";
  const title = report.title ?? `${report.agency.name}${report.year}年政府信息公开工作年度报告`;
  const tables: Partial<Record<SectionKey, ReactElement>> = {
    proactive: <Table2 report={report} marks={marks} />,
    requests: <Table3 report={report} marks={marks} />,
    reviewLitigation: <Table4 report={report} marks={marks} />,
  };
  return (
    <article className="gk-report" lang="zh-CN" aria-labelledby={`${idPrefix}report-title`}>
      <header className="gk-report-header">
        <H id={`${idPrefix}report-title`}>{title}</H>
        <p className="gk-report-meta">
          <span>{report.agency.name}</span>
          {report.publicationDate && (
            <span>{t("report.publishedOn", { date: formatDate(report.publicationDate, locale) })}</span>
          )}
          <span title={l(editionLabels[report.edition])}>{t("report.edition", { edition: report.edition })}</span>
        </p>
        {report.layout === "legacy" && (
          <p className="gk-legacy" lang={locale === "zh" ? "zh-CN" : "en"}>
            {t("report.legacy")}
          </p>
        )}
      </header>
      {report.preamble && (
        <section className="gk-preamble" aria-label={t("report.preamble")}>
          <Paragraphs text={report.preamble} />
        </section>
      )}
      {sectionKeys.map((key) => {
        const section = report.sections[key];
        const official = officialHeadings[key];
        const table = tables[key];
        const id = `${idPrefix}section-${key}`;
        const hasTableData = table !== undefined && report.layout === "template";
        return (
          <section key={key} className="gk-section" aria-labelledby={id}>
            <S id={id}>{section.heading ?? official.zh}</S>
            {section.heading && section.heading !== official.zh && (
              <p className="gk-official-heading">
                {locale === "zh" ? `统一格式标题：${official.zh}` : `Template heading: ${official.zh} (${official.en})`}
              </p>
            )}
            {section.text ? (
              <Paragraphs text={section.text} />
            ) : (
              !table && <p className="gk-absent">{t("report.sectionAbsent")}</p>
            )}
            {table && (hasTableData || report.layout === "legacy") && table}
          </section>
        );
      })}
      {report.footnotes.length > 0 && (
        <section className="gk-footnotes" aria-labelledby={`${idPrefix}footnotes`}>
          <h3 id={`${idPrefix}footnotes`}>{t("report.footnotes")}</h3>
          <ol>
            {report.footnotes.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a footnote is numbered by its position; the number is its identity
              <li key={i} id={`${idPrefix}fn-${i + 1}`}>
                {locale === "en" && f.en ? f.en : f.text}{" "}
                <a href={`#${idPrefix}fnref-${i + 1}`} aria-label={t("report.footnoteBack", { n: i + 1 })}>
                  ↩
                </a>
              </li>
            ))}
          </ol>
        </section>
      )}
      {report.extraMetrics.length > 0 && (
        <section className="gk-extra" aria-labelledby={`${idPrefix}extra`}>
          <S id={`${idPrefix}extra`}>{t("report.extraMetrics")}</S>
          <div className="gk-table-scroll">
            <table className="gk-table gk-table-extra">
              <caption>{t("report.extraMetrics.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("report.extraMetrics.metric")}</th>
                  <th scope="col">{t("report.extraMetrics.value")}</th>
                  <th scope="col">{t("report.extraMetrics.quote")}</th>
                </tr>
              </thead>
              <tbody>
                {report.extraMetrics.map((m) => (
                  <tr key={m.key} data-metric={m.key}>
                    <th scope="row">{l(m.label)}</th>
                    <td className="gk-cell">
                      {m.qualifier === "over"
                        ? locale === "zh"
                          ? ""
                          : "over "
                        : m.qualifier === "about"
                          ? locale === "zh"
                            ? "约"
                            : "about "
                          : ""}
                      {m.value.toLocaleString(locale === "zh" ? "zh-CN" : "en-GB")}
                      {m.qualifier === "over" && locale === "zh" ? "余" : ""}
                      {m.unit === "%" ? "%" : ` ${m.unit}`}
                    </td>
                    <td lang="zh-CN" className="gk-quote">
                      {m.quote ? `“${m.quote}”` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      {report.closing && (
        <footer className="gk-closing">
          <Paragraphs text={report.closing} />
        </footer>
      )}
    </article>
  );
}
