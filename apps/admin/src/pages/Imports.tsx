import { InboxOutlined } from "@ant-design/icons";
import type { CellProvenance, Finding, ImportFinding, ImportPreview, ImportSourceRef } from "@gongkai/schema";
import { IMPORT_MAX_BYTES } from "@gongkai/schema";
import { type CellValue, cellDef, cellName, type Edition, getCell } from "@gongkai/schema/meta";
import { type CellRender, FindingsPanel, formatCell, formatDate, OfficialReport, useI18n } from "@gongkai/ui";
import { useMutation } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { Alert, App, Button, Card, Descriptions, Form, Progress, Select, Tag, Typography, Upload } from "antd";
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { latestYear, PageTitle } from "../components/common";
import type { AdminInputs } from "../lib/api-types";
import { describeError, errorDetails, isConflict } from "../lib/errors";
import {
  fileProblem,
  IMPORT_ACCEPT,
  indexProvenance,
  parseSourceId,
  readAsBase64,
  scrollWithin,
  sourceId,
  yearChoices,
} from "../lib/imports";
import { useMe } from "../lib/me";
import { editorAgencies, isAdmin, isApproverOf, isEditorOf } from "../lib/roles";
import { useTrpc } from "../lib/trpc";

type UploadInput = AdminInputs["imports"]["preview"];
const MB = IMPORT_MAX_BYTES / 1024 / 1024;

/**
 * Import a published report: upload the file, compare the source with what was read (each figure
 * traced back to its source cell), then create the agency's draft from it.
 */
export function ImportsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const preview = useMutation(trpc.imports.preview.mutationOptions());
  const busy = reading !== null || preview.isPending;

  if (editorAgencies(me).length === 0)
    return (
      <div className="page narrow">
        <PageTitle>{t("imports.title")}</PageTitle>
        <Alert type="info" showIcon title={t("imports.notEditor")} />
      </div>
    );

  const onFile = async (file: File) => {
    preview.reset();
    setProblem(null);
    const why = fileProblem(file);
    if (why) {
      setProblem(
        why === "tooLarge"
          ? t("imports.tooLarge", { name: file.name, mb: MB })
          : t("imports.empty", { name: file.name }),
      );
      return;
    }
    setReading(file.name);
    try {
      const contentBase64 = await readAsBase64(file);
      preview.mutate({ filename: file.name, mediaType: file.type, contentBase64 });
    } catch {
      setProblem(t("imports.readFailed", { name: file.name }));
    } finally {
      setReading(null);
    }
  };

  const data = preview.data;
  const upload = preview.variables;
  const status = busy
    ? t("imports.reading", { name: reading ?? upload?.filename ?? "" })
    : data
      ? t("imports.loaded", { name: data.filename })
      : "";
  return (
    <div className="page imports">
      <PageTitle>{t("imports.title")}</PageTitle>
      <Typography.Paragraph className="imports-intro">{t("imports.intro")}</Typography.Paragraph>
      <Upload.Dragger
        accept={IMPORT_ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={busy}
        className={data ? "imports-drop compact" : "imports-drop"}
        beforeUpload={(file) => {
          void onFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        {!data && (
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
        )}
        <p className="ant-upload-text">{data ? t("imports.dropAgain") : t("imports.drop")}</p>
        <p className="ant-upload-hint">{t("imports.formats", { mb: MB })}</p>
      </Upload.Dragger>
      <p className="imports-status" role="status" aria-live="polite">
        {status}
      </p>
      {(problem || preview.error) && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="gap-small"
          title={
            problem ??
            t("imports.failed", { name: upload?.filename ?? "", reason: describeError(preview.error, locale) })
          }
        />
      )}
      {data && upload && (
        <PreviewView key={`${upload.filename}:${upload.contentBase64.length}`} preview={data} upload={upload} />
      )}
    </div>
  );
}

export function PreviewView({ preview, upload }: { preview: ImportPreview; upload: UploadInput }) {
  const { t, locale } = useI18n();
  const index = useMemo(() => indexProvenance(preview), [preview]);
  const edition: Edition = preview.draft?.edition ?? preview.detected.edition ?? 2019;
  const sourceRef = useRef<HTMLDivElement>(null);
  const reportRef = useRef<HTMLDivElement>(null);
  const [cell, setCell] = useState<string | null>(null);
  const [finding, setFinding] = useState<number | null>(null);
  const highlight = useMemo(
    () => new Set(finding === null ? [] : (preview.findings[finding]?.cells ?? [])),
    [finding, preview.findings],
  );
  const cellLabel = useCallback(
    (path: string) => {
      const def = cellDef(edition, path);
      return def ? cellName(def, locale) : path;
    },
    [edition, locale],
  );

  // Tint the source cells figures were read from, once per file (the pane's HTML never changes after).
  useEffect(() => {
    const pane = sourceRef.current;
    if (!pane) return;
    for (const id of index.bySource.keys()) pane.querySelector(`#${id}`)?.classList.add("src-read");
  }, [index]);

  const showSource = useCallback((ref: ImportSourceRef | null | undefined, page = false) => {
    const pane = sourceRef.current;
    if (!pane) return;
    for (const el of pane.querySelectorAll(".src-highlight")) el.classList.remove("src-highlight");
    const el = ref ? pane.querySelector<HTMLElement>(`#${sourceId(ref)}`) : null;
    if (!el) return;
    el.classList.add("src-highlight");
    if (page) {
      // Asked for from a button: bring the source into view too (on a phone it is above), and move focus there.
      el.scrollIntoView({ block: "center", behavior: "smooth" });
      el.tabIndex = -1;
      el.focus({ preventScroll: true });
    } else scrollWithin(pane, el);
  }, []);

  // The chosen cell: its source cell marked and scrolled to within the source pane (the page stays put).
  useEffect(() => {
    showSource(cell ? index.byCell.get(cell)?.ref : null);
  }, [cell, index, showSource]);

  /** Choose a cell from elsewhere (a finding, the source): bring it into view in the report and focus it. */
  const goToCell = useCallback((path: string) => {
    setCell(path);
    const button = reportRef.current?.querySelector<HTMLButtonElement>(`button[data-prov="${path}"]`);
    if (button && reportRef.current) {
      scrollWithin(reportRef.current, button);
      button.focus({ preventScroll: true });
    }
  }, []);

  const onSourceClick = (e: React.MouseEvent) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>("td[id],th[id]");
    const ref = target ? parseSourceId(target.id) : null;
    const cells = ref ? index.bySource.get(sourceId(ref)) : undefined;
    if (cells?.[0]) goToCell(cells[0]);
  };

  const renderCell = useCallback(
    (c: CellRender) => (
      <ProvenanceCell
        key={c.path}
        cell={c}
        label={cellLabel(c.path)}
        provenance={index.byCell.get(c.path)}
        doubtful={index.findingsByCell.has(c.path)}
        selected={c.path === cell}
        onSelect={setCell}
      />
    ),
    [cell, cellLabel, index],
  );

  return (
    <>
      <div className="imports-top">
        <DetectedCard preview={preview} />
        <AcceptCard preview={preview} upload={upload} />
      </div>
      <div className="imports-compare">
        <ProvenanceBox
          path={cell}
          label={cell ? cellLabel(cell) : ""}
          value={cell && preview.draft ? getCell(preview.draft, cell) : undefined}
          provenance={cell ? index.byCell.get(cell) : undefined}
          findings={cell ? (index.findingsByCell.get(cell) ?? []) : []}
          onShowSource={(ref) => showSource(ref, true)}
        />
        <div className="imports-split">
          <div className="imports-pane-wrap">
            <Typography.Title level={2} id="imports-source-title" className="section-heading">
              {t("imports.source")}
            </Typography.Title>
            <p className="imports-help">{t("imports.sourceHelp")}</p>
            {/* Clicking a source cell is a mouse shortcut only: every cell is reachable by keyboard in the report beside it. The pane takes focus (tabIndex 0) so that the keyboard can scroll it. */}
            {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above */}
            <section
              ref={sourceRef}
              className="imports-pane imports-source"
              aria-labelledby="imports-source-title"
              // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region with no focusable content must be focusable to be scrolled by keyboard
              tabIndex={0}
              onClick={onSourceClick}
            >
              <SourceHtml html={preview.source.html} kind={preview.source.kind} />
            </section>
          </div>
          <div className="imports-pane-wrap">
            <Typography.Title level={2} id="imports-extracted-title" className="section-heading">
              {t("imports.extracted")}
            </Typography.Title>
            <p className="imports-help">{t("imports.extractedHelp")}</p>
            <section ref={reportRef} className="imports-pane imports-report" aria-labelledby="imports-extracted-title">
              {preview.draft ? (
                <OfficialReport
                  report={preview.draft}
                  findings={preview.findings}
                  highlight={highlight}
                  idPrefix="imp-"
                  level={2}
                  renderCell={renderCell}
                />
              ) : (
                <Alert type="warning" showIcon title={t("imports.noDraft")} />
              )}
            </section>
          </div>
        </div>
      </div>
      <div className="imports-findings">
        <ImportFindings
          findings={preview.importFindings}
          cellLabel={cellLabel}
          onCell={goToCell}
          onSource={showSource}
        />
        <div className="imports-validation">
          <FindingsPanel
            findings={preview.findings}
            selected={finding}
            onSelect={(i, f: Finding | null) => {
              setFinding(i);
              const first = f?.cells[0];
              if (first) goToCell(first);
            }}
          />
        </div>
      </div>
    </>
  );
}

/**
 * The source as the server's importer sanitized it (no scripts, styles or attributes but spans and
 * cell ids: ImportPreviewSchema.source). That sanitizing is the only reason it is set as HTML here.
 * Memoized so that React never rewrites it and the highlight classes set on its cells stay.
 */
const SourceHtml = memo(function SourceHtml({ html, kind }: { html: string; kind: "html" | "text" }) {
  return <div className={`imports-source-doc ${kind}`} lang="zh-CN" dangerouslySetInnerHTML={{ __html: html }} />;
});

/** A data cell of the extracted report: a button that shows where its figure came from. */
function ProvenanceCell({
  cell,
  label,
  provenance,
  doubtful,
  selected,
  onSelect,
}: {
  cell: CellRender;
  label: string;
  provenance: CellProvenance | undefined;
  doubtful: boolean;
  selected: boolean;
  onSelect(path: string): void;
}) {
  const { t, locale } = useI18n();
  const empty = cell.value === null || cell.value === undefined;
  const classes = [
    "gk-cell",
    "imp-cell",
    empty ? "gk-null" : "",
    cell.flag ? `gk-flag-${cell.flag}` : "",
    cell.highlighted ? "gk-highlight" : "",
    selected ? "imp-selected" : "",
    !provenance ? "imp-missing" : provenance.blank ? "imp-blank" : "",
    doubtful ? "imp-doubt" : "",
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <td headers={cell.headers} className={classes} data-cell={cell.path}>
      <button
        type="button"
        className="imp-cell-button"
        data-prov={cell.path}
        aria-pressed={selected}
        title={t("imports.prov.cell", { cell: label })}
        onClick={() => onSelect(cell.path)}
        onFocus={() => onSelect(cell.path)}
      >
        {empty ? (
          <>
            <span aria-hidden="true">—</span>
            <span className="gk-sr-only">{t("report.notReported")}</span>
          </>
        ) : (
          formatCell(cell.value as CellValue, locale)
        )}
      </button>
    </td>
  );
}

/** What the chosen cell was read from: the table, row and column as the file heads them, the text as written. */
function ProvenanceBox({
  path,
  label,
  value,
  provenance,
  findings,
  onShowSource,
}: {
  path: string | null;
  label: string;
  value: CellValue | undefined;
  provenance: CellProvenance | undefined;
  findings: readonly ImportFinding[];
  onShowSource(ref: ImportSourceRef): void;
}) {
  const { t, locale } = useI18n();
  return (
    <aside className="imports-prov" aria-labelledby="imports-prov-title">
      {/* Said once per chosen cell, briefly: the focused cell's headers are read out anyway. */}
      <p className="gk-sr-only" aria-live="polite">
        {!path
          ? ""
          : !provenance
            ? t("imports.prov.missing")
            : provenance.blank
              ? t("imports.prov.blank")
              : t("imports.prov.said", { text: provenance.text })}
      </p>
      <h2 id="imports-prov-title" className="imports-prov-title">
        {t("imports.prov.title")}
        {path && <span className="imports-prov-cell">{label}</span>}
      </h2>
      {!path ? (
        <p className="imports-help">{t("imports.prov.hint")}</p>
      ) : (
        <>
          <dl className="imports-prov-list">
            <div>
              <dt>{t("imports.prov.value")}</dt>
              <dd>{value === null || value === undefined ? t("report.notReported") : formatCell(value, locale)}</dd>
            </div>
            {provenance && (
              <>
                {provenance.via === "table" && (
                  <>
                    <div>
                      <dt>{t("imports.prov.table")}</dt>
                      <dd lang="zh-CN">{provenance.table ?? "—"}</dd>
                    </div>
                    <div>
                      <dt>{t("imports.prov.row")}</dt>
                      <dd lang="zh-CN">{provenance.rowLabel}</dd>
                    </div>
                    <div>
                      <dt>{t("imports.prov.column")}</dt>
                      <dd lang="zh-CN">{provenance.columnLabel}</dd>
                    </div>
                  </>
                )}
                <div>
                  <dt>{provenance.via === "text" ? t("imports.prov.sentence") : t("imports.prov.text")}</dt>
                  <dd lang="zh-CN" className="imports-prov-text">
                    {provenance.text ? `“${provenance.text}”` : "—"}
                  </dd>
                </div>
              </>
            )}
          </dl>
          {!provenance && <p className="imports-note">{t("imports.prov.missing")}</p>}
          {provenance?.blank && <p className="imports-note">{t("imports.prov.blank")}</p>}
          {provenance?.via === "text" && <p className="imports-note">{t("imports.prov.fromText")}</p>}
          {findings.map((f, i) => (
            <p key={i} className={`imports-note ${f.severity}`} lang={locale === "zh" ? "zh-CN" : "en"}>
              <SeverityTag severity={f.severity} /> {f.message[locale]}
            </p>
          ))}
          {provenance?.ref && (
            <Button size="small" onClick={() => onShowSource(provenance.ref as ImportSourceRef)}>
              {t("imports.prov.show")}
            </Button>
          )}
        </>
      )}
    </aside>
  );
}

const severityColors = { error: "error", warning: "warning", info: "processing" } as const;
function SeverityTag({ severity }: { severity: ImportFinding["severity"] }) {
  const { t } = useI18n();
  return <Tag color={severityColors[severity]}>{t(`imports.severity.${severity}`)}</Tag>;
}

const MAX_CELLS_SHOWN = 8;

/** What the importer could not read, or read with doubt: each with the cells concerned, and where in the file. */
function ImportFindings({
  findings,
  cellLabel,
  onCell,
  onSource,
}: {
  findings: readonly ImportFinding[];
  cellLabel(path: string): string;
  onCell(path: string): void;
  onSource(ref: ImportSourceRef, page: boolean): void;
}) {
  const { t, locale } = useI18n();
  return (
    <section className="imports-notes" aria-labelledby="imports-notes-title">
      <Typography.Title level={2} id="imports-notes-title" className="section-heading">
        {t("imports.findings", { n: findings.length })}
      </Typography.Title>
      {findings.length === 0 ? (
        <p>{t("imports.findingsNone")}</p>
      ) : (
        <ol className="imports-note-list">
          {findings.map((f, i) => (
            <li key={i} className={`imports-finding ${f.severity}`}>
              <div>
                <SeverityTag severity={f.severity} />
                {f.section && <Typography.Text type="secondary">{t(`section.${f.section}`)}</Typography.Text>}
              </div>
              <p lang={locale === "zh" ? "zh-CN" : "en"}>{f.message[locale]}</p>
              {f.text && (
                <p className="imports-quote" lang="zh-CN">
                  {t("imports.findingText", { text: f.text })}
                </p>
              )}
              {f.cells.length > 0 && (
                <p className="imports-finding-cells">
                  {t("imports.findingCells")}{" "}
                  {f.cells.slice(0, MAX_CELLS_SHOWN).map((c) => (
                    <button
                      key={c}
                      type="button"
                      className="gk-link-button imports-cell-link"
                      onClick={() => onCell(c)}
                    >
                      {cellLabel(c)}
                    </button>
                  ))}
                  {f.cells.length > MAX_CELLS_SHOWN && t("imports.moreCells", { n: f.cells.length - MAX_CELLS_SHOWN })}
                </p>
              )}
              {f.source && (
                <button
                  type="button"
                  className="gk-link-button"
                  onClick={() => onSource(f.source as ImportSourceRef, true)}
                >
                  {t("imports.prov.show")}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** What the importer recognised: format, title, agency, year, edition (and how), date, sections, tables, cells. */
function DetectedCard({ preview }: { preview: ImportPreview }) {
  const { t, locale } = useI18n();
  const d = preview.detected;
  const s = preview.stats;
  const missing = <Typography.Text type="secondary">{t("imports.notFound")}</Typography.Text>;
  return (
    <Card
      className="imports-card"
      title={
        <Typography.Title level={2} className="card-title">
          {t("imports.detected")}
        </Typography.Title>
      }
    >
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: "file",
            label: t("imports.fileName"),
            children: <span className="imports-filename">{preview.filename}</span>,
          },
          { key: "format", label: t("imports.format"), children: d.format ? t(`imports.format.${d.format}`) : missing },
          {
            key: "title",
            label: t("imports.docTitle"),
            children: d.title ? <span lang="zh-CN">{d.title}</span> : missing,
          },
          {
            key: "agency",
            label: t("imports.agencyName"),
            children: d.agencyName ? <span lang="zh-CN">{d.agencyName}</span> : missing,
          },
          { key: "year", label: t("imports.year"), children: d.year ?? missing },
          {
            key: "edition",
            label: t("imports.edition"),
            children: (
              <>
                {d.edition ? t("imports.editionValue", { edition: d.edition }) : missing}
                <Typography.Text type="secondary"> · {t(`imports.editionFrom.${d.editionFrom}`)}</Typography.Text>
                {d.layout === "legacy" && <div>{t("imports.legacy")}</div>}
              </>
            ),
          },
          {
            key: "date",
            label: t("imports.publicationDate"),
            children: d.publicationDate ? formatDate(d.publicationDate, locale) : missing,
          },
          {
            key: "sections",
            label: t("imports.sections"),
            children: d.sections.length ? (
              <span className="tag-list">
                {d.sections.map((k) => (
                  <Tag key={k}>{t(`section.${k}`)}</Tag>
                ))}
              </span>
            ) : (
              t("imports.none")
            ),
          },
          {
            key: "tables",
            label: t("imports.tables"),
            children: d.tables.length ? (
              <span className="tag-list">
                {d.tables.map((k) => (
                  <Tag key={k}>{t(`report.table${k.toUpperCase()}`)}</Tag>
                ))}
              </span>
            ) : (
              t("imports.none")
            ),
          },
          {
            key: "cells",
            label: t("imports.cells"),
            children: (
              <>
                <Progress
                  percent={s.cellsTotal ? Math.round((s.cellsRead / s.cellsTotal) * 100) : 0}
                  size="small"
                  aria-hidden="true"
                />
                <span className="imports-stats">
                  {t("imports.stats", {
                    total: s.cellsTotal,
                    read: s.cellsRead,
                    blank: s.cellsBlank,
                    nulls: s.cellsNull,
                  })}
                </span>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * The agency the file belongs to and the year: the draft is created only for an agency the user
 * edits, never over an existing report of the same year.
 */
function AcceptCard({ preview, upload }: { preview: ImportPreview; upload: UploadInput }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const formId = useId();
  const match = preview.agency;
  const detectedName = preview.detected.agencyName;
  // Without a single match the user picks: among the candidates they edit, or (nothing matched) their own agencies.
  const choices =
    match.status === "ambiguous"
      ? match.candidates.filter((c) => isEditorOf(me, c.id))
      : match.status === "none"
        ? editorAgencies(me).map((m) => ({ id: m.agencyId as string, name: m.agencyName ?? (m.agencyId as string) }))
        : [];
  const [agencyId, setAgencyId] = useState<string | undefined>(
    match.agency?.id ?? (choices.length === 1 ? choices[0]?.id : undefined),
  );
  const years = preview.draft ? yearChoices(preview.draft.edition, preview.detected.year, latestYear()) : [];
  const detectedYear = preview.detected.year;
  const [year, setYear] = useState<number | undefined>(
    detectedYear !== null && years.includes(detectedYear) ? detectedYear : undefined,
  );
  const accept = useMutation(
    trpc.imports.accept.mutationOptions({
      onSuccess: (draft) => {
        void message.success(t("imports.created", { name: upload.filename }));
        void navigate({ to: "/reports/$id", params: { id: draft.id } });
      },
    }),
  );

  const existing =
    preview.existing && match.agency && agencyId === match.agency.id && year === detectedYear ? preview.existing : null;
  const reason = !preview.draft
    ? t("imports.why.noDraft")
    : match.agency && !match.canAccept
      ? t("imports.why.notEditor", { agency: match.agency.name })
      : !match.agency && choices.length === 0
        ? t("imports.why.noCandidate")
        : null;
  const matchText = match.agency
    ? t(`imports.match.${match.status}`, { name: detectedName ?? "", agency: match.agency.name })
    : match.status === "ambiguous"
      ? t("imports.match.ambiguous", { name: detectedName ?? "" })
      : detectedName
        ? t("imports.match.none", { name: detectedName })
        : t("imports.match.noName");
  const conflictId = isConflict(accept.error) ? errorDetails<{ id?: string }>(accept.error)?.id : undefined;
  const ready = !reason && !existing && agencyId !== undefined && year !== undefined;

  return (
    <Card
      className="imports-card"
      title={
        <Typography.Title level={2} className="card-title">
          {t("imports.acceptTitle")}
        </Typography.Title>
      }
    >
      <Alert
        type={match.status === "exact" || match.status === "renamed" ? "info" : "warning"}
        showIcon
        title={matchText}
        className="imports-match"
      />
      {existing && match.agency && (
        <Alert
          type="warning"
          showIcon
          className="gap-small"
          title={t("imports.existing", {
            agency: match.agency.name,
            year: detectedYear ?? "",
            state: t(`state.${existing.state}`),
          })}
          description={<ExistingLink agencyId={match.agency.id} report={existing} />}
        />
      )}
      {reason && <Alert type="error" showIcon className="gap-small" title={reason} />}
      {!reason && (
        <Form
          id={formId}
          layout="vertical"
          className="gap-small"
          onFinish={() => {
            if (!ready) return;
            accept.mutate({ ...upload, agencyId, year });
          }}
        >
          {!match.agency && (
            <Form.Item label={t("imports.agency")} required htmlFor={`${formId}-agency`}>
              <Select
                id={`${formId}-agency`}
                value={agencyId}
                onChange={setAgencyId}
                options={choices.map((c) => ({ value: c.id, label: c.name }))}
                aria-label={t("imports.agency")}
              />
            </Form.Item>
          )}
          <Form.Item
            label={t("imports.year")}
            required
            htmlFor={`${formId}-year`}
            extra={
              detectedYear === null
                ? t("imports.yearMissing")
                : preview.draft && (
                    <>
                      {t("imports.yearHelp")}
                      <br />
                      {t("imports.yearEdition", { edition: preview.draft.edition })}
                    </>
                  )
            }
          >
            <Select
              id={`${formId}-year`}
              value={year}
              onChange={setYear}
              options={years.map((y) => ({ value: y, label: String(y) }))}
              aria-label={t("imports.year")}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t("imports.acceptHelp")}</Typography.Paragraph>
          {accept.error && (
            <Alert
              type="error"
              showIcon
              role="alert"
              className="gap-small"
              title={describeError(accept.error, locale)}
              description={
                conflictId && agencyId ? <ExistingLink agencyId={agencyId} report={{ id: conflictId }} /> : undefined
              }
            />
          )}
          <Button type="primary" htmlType="submit" loading={accept.isPending} disabled={!ready} className="gap-small">
            {t("imports.create")}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** The existing report: in the console if the user may open it there, else its public page once published. */
function ExistingLink({ agencyId, report }: { agencyId: string; report: { id: string; state?: string } }) {
  const { t } = useI18n();
  const me = useMe();
  if (isEditorOf(me, agencyId) || isApproverOf(me, agencyId) || isAdmin(me))
    return (
      <Link to="/reports/$id" params={{ id: report.id }}>
        {t("imports.openExisting")}
      </Link>
    );
  if (report.state === "published")
    return (
      <span>
        <a href={`/reports/${report.id}`}>{t("imports.openExisting")}</a>
      </span>
    );
  return null;
}
