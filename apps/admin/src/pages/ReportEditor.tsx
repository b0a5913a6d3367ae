import { computeTotals, type Report, validateReport } from "@gongkai/schema";
import { officialHeadings, type SectionKey, sectionKeys } from "@gongkai/schema/meta";
import { FindingsPanel, formatDate, OfficialReport, useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, useBlocker } from "@tanstack/react-router";
import { Alert, App, Badge, Button, Drawer, Dropdown, Space, Tabs, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CommentsPanel, useOpenCommentCounts } from "../components/Comments";
import { ConflictDialog, differences } from "../components/Conflict";
import { Deadline, StateTag } from "../components/common";
import { focusCellInput } from "../components/EditGrid";
import { ExtrasEditor } from "../components/Extras";
import { HistoryPanel } from "../components/History";
import { SectionEditor } from "../components/SectionEditor";
import { WorkflowActions } from "../components/Workflow";
import type { Draft } from "../lib/api-types";
import { clearBackup, readBackup, type SaveStatus, useDraftEditor } from "../lib/editor-state";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { isEditorOf } from "../lib/roles";
import { chinaToday } from "../lib/settings";
import { useTrpc } from "../lib/trpc";

const route = getRouteApi("/app/reports/$id");

export function ReportEditorPage() {
  const { id } = route.useParams();
  const trpc = useTrpc();
  const draft = useSuspenseQuery(trpc.reports.get.queryOptions({ id })).data;
  // A new editing session when another report is opened.
  return <Editor key={draft.id} draft={draft} />;
}

function SaveState({ status, error }: { status: SaveStatus; error: unknown }) {
  const { t, locale } = useI18n();
  const map: Record<SaveStatus, { color: string; text: string }> = {
    saved: { color: "success", text: t("save.saved") },
    dirty: { color: "warning", text: t("save.dirty") },
    saving: { color: "processing", text: t("save.saving") },
    error: { color: "error", text: t("save.error") },
    offline: { color: "error", text: t("save.offline") },
  };
  const s = map[status];
  return (
    <span role="status" aria-live="polite" title={error ? describeError(error, locale) : undefined}>
      <Badge status={s.color as "success"} text={s.text} />
    </span>
  );
}

function Editor({ draft }: { draft: Draft }) {
  const { t, l, locale } = useI18n();
  const me = useMe();
  const { message, modal } = App.useApp();
  const search = route.useSearch();
  const editable = isEditorOf(me, draft.agency.id) && draft.state === "draft";
  const session = useDraftEditor(draft, editable);
  const { content } = session;
  const [selected, setSelected] = useState<number | null>(null);
  const [focusedCell, setFocusedCell] = useState<string | null>(search.cell ?? null);
  const [preview, setPreview] = useState(false);
  const [tab, setTab] = useState<string>(search.tab === "history" ? "history" : "findings");
  const commentCounts = useOpenCommentCounts(draft.id);
  const prefilled = useMemo(() => new Set(draft.prefilled), [draft.prefilled]);

  // The same rules as the server, on every change (the server's last word comes with each save).
  const findings = useMemo(
    () =>
      validateReport(
        { ...content, publicationDate: content.publicationDate ?? chinaToday() },
        {
          previous: draft.ruleInputs.previous ?? undefined,
          ...(draft.ruleInputs.deadlines ? { deadlines: draft.ruleInputs.deadlines } : {}),
        },
      ),
    [content, draft.ruleInputs],
  );
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  const highlight = useMemo(
    () => new Set(selected === null ? [] : (findings[selected]?.cells ?? [])),
    [selected, findings],
  );

  // Unsaved work from an earlier visit (an expired session, a closed tab): offer it back.
  const offered = useRef(false);
  useEffect(() => {
    if (offered.current || !editable) return;
    offered.current = true;
    const backup = readBackup(draft.id);
    if (!backup) return;
    const changed = differences(backup.content, draft.content, locale);
    if (changed.length === 0) {
      clearBackup(draft.id);
      return;
    }
    modal.confirm({
      title: t("restore.title"),
      content: t("restore.body", { n: changed.length, when: formatDate(backup.at, locale) }),
      okText: t("restore.ok"),
      cancelText: t("restore.discard"),
      onOk: () => session.restore(backup),
      onCancel: () => clearBackup(draft.id),
    });
  }, [draft.id, draft.content, editable, locale, modal, session, t]);

  // Leaving with unsaved changes: the browser asks (tab close), and so does the router.
  useEffect(() => {
    const onUnload = (e: BeforeUnloadEvent) => {
      if (session.status === "dirty" || session.status === "saving" || session.status === "offline") e.preventDefault();
    };
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [session.status]);
  useBlocker({
    // An expired session goes to sign-in without asking: the edits are kept in this browser and offered back.
    shouldBlockFn: ({ next }) =>
      !next.pathname.endsWith("/sign-in") &&
      (session.status === "dirty" || session.status === "offline" || session.status === "saving") &&
      !window.confirm(t("editor.leave")),
  });

  // Undo / redo for the whole editor.
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (!editable || !(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === "z" && !e.shiftKey) {
        e.preventDefault();
        session.undo();
      } else if ((key === "z" && e.shiftKey) || key === "y") {
        e.preventDefault();
        session.redo();
      }
    },
    [editable, session],
  );

  const focusCell = useCallback((path: string) => {
    const input = document.querySelector<HTMLInputElement>(`input[data-path="${path}"]`);
    if (input) {
      input.scrollIntoView({ block: "center" });
      focusCellInput(input);
    }
  }, []);
  useEffect(() => {
    if (search.cell) setTimeout(() => focusCell(search.cell as string), 50);
  }, [search.cell, focusCell]);

  const onText = (section: SectionKey, field: "heading" | "text", value: string | null) =>
    session.apply(
      {
        ...content,
        sections: { ...content.sections, [section]: { ...content.sections[section], [field]: value } },
      } as Report,
      `${section}.${field}`,
    );
  const totals = () => {
    const { report, changed } = computeTotals(content);
    if (changed.length === 0) {
      void message.info(t("grid.totalsNone"));
      return;
    }
    session.apply(report, "totals");
    void message.success(t("grid.totalsDone", { n: changed.length }));
  };
  const exportAs = async (format: "docx" | "xlsx") => {
    const ex = await import("@gongkai/export");
    const bytes =
      format === "docx"
        ? await ex.reportDocx(content, { locale, findings })
        : await ex.reportXlsx(content, { locale, findings });
    const blob = new Blob([new Uint8Array(bytes)], { type: ex.mediaTypes[format] });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = ex.exportFileName(content, format).replace(new RegExp(`\\.${format}$`), `-draft.${format}`);
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const readOnlyReason = !isEditorOf(me, draft.agency.id)
    ? t("editor.readOnlyRole")
    : draft.state !== "draft"
      ? t("editor.readOnlyState", { state: t(`state.${draft.state}`) })
      : null;

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a keyboard shortcut scope (undo / redo) for the editor, not a control
    <div className="editor" onKeyDown={onKeyDown}>
      <header className="editor-head">
        <div>
          <Typography.Title level={1} className="editor-title">
            {draft.agency.name} · {t("editor.yearReport", { year: draft.year })}
          </Typography.Title>
          <Space wrap size="middle">
            <StateTag state={draft.state} />
            <Tag>{t("editor.edition", { edition: draft.edition })}</Tag>
            <span>
              {t("col.deadline")}:{" "}
              <Deadline deadline={draft.deadline} done={draft.latestVersion > 0 && draft.state === "published"} />
            </span>
            {draft.scheduledAt && (
              <Tag color="purple">{t("editor.scheduledFor", { at: formatDate(draft.scheduledAt, locale) })}</Tag>
            )}
            {draft.correctionReason && draft.state !== "published" && (
              <Tag color="orange">{t("editor.correcting", { reason: draft.correctionReason })}</Tag>
            )}
            {editable && <SaveState status={session.status} error={session.lastError} />}
            <span aria-live="polite">
              {errors > 0 ? (
                <Tag color="error">{t("quality.errors", { n: errors })}</Tag>
              ) : (
                <Tag color="success">{t("quality.noErrors")}</Tag>
              )}
              {warnings > 0 && <Tag color="warning">{t("quality.warnings", { n: warnings })}</Tag>}
            </span>
          </Space>
        </div>
        <Space wrap className="editor-actions">
          {editable && (
            <>
              <Button onClick={session.undo} disabled={!session.canUndo} title="Ctrl+Z">
                {t("editor.undo")}
              </Button>
              <Button onClick={session.redo} disabled={!session.canRedo} title="Ctrl+Y">
                {t("editor.redo")}
              </Button>
              <Button onClick={totals}>{t("grid.totals")}</Button>
              {session.status === "offline" && <Button onClick={session.retry}>{t("save.retry")}</Button>}
            </>
          )}
          <Button onClick={() => setPreview(true)}>{t("editor.preview")}</Button>
          <Dropdown
            menu={{
              items: [
                { key: "docx", label: t("editor.exportDocx") },
                { key: "xlsx", label: t("editor.exportXlsx") },
              ],
              onClick: ({ key }) => void exportAs(key as "docx" | "xlsx"),
            }}
          >
            <Button>{t("editor.export")}</Button>
          </Dropdown>
          <WorkflowActions
            draft={{ ...draft, lockVersion: session.lockVersion }}
            findings={findings}
            flush={session.flush}
            selectedCell={focusedCell}
          />
        </Space>
      </header>
      {readOnlyReason && <Alert type="info" showIcon title={readOnlyReason} className="gap" />}
      {session.status === "offline" && <Alert type="warning" showIcon title={t("save.offlineHelp")} className="gap" />}
      <div className="editor-body">
        <nav className="editor-nav" aria-label={t("editor.sections")}>
          <ol>
            {sectionKeys.map((k) => (
              <li key={k}>
                <a href={`#section-${k}`}>{l(officialHeadings[k])}</a>
              </li>
            ))}
            <li>
              <a href="#section-extras">{t("extras.title")}</a>
            </li>
          </ol>
        </nav>
        <div className="editor-main">
          {sectionKeys.map((k) => (
            <SectionEditor
              key={k}
              report={content}
              section={k}
              findings={findings}
              highlight={highlight}
              prefilled={prefilled}
              comments={commentCounts}
              readOnly={!editable}
              onText={onText}
              onCells={session.setCells}
              onFocusCell={setFocusedCell}
              onPasteProblems={(n) => void message.warning(t("grid.pasteProblems", { n }))}
            />
          ))}
          <ExtrasEditor report={content} readOnly={!editable} onChange={session.apply} />
        </div>
        <aside className="editor-side" aria-label={t("editor.side")}>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: "findings",
                label: t("editor.findings", { n: findings.length }),
                children: (
                  <FindingsPanel
                    findings={findings}
                    selected={selected}
                    onSelect={(i, f) => {
                      setSelected(i);
                      const first = f?.cells[0];
                      if (first) focusCell(first);
                    }}
                  />
                ),
              },
              {
                key: "comments",
                label: t("editor.comments", { n: draft.openComments }),
                children: (
                  <CommentsPanel
                    reportId={draft.id}
                    edition={draft.edition}
                    selectedCell={focusedCell}
                    onShowCell={focusCell}
                  />
                ),
              },
              { key: "history", label: t("editor.history"), children: <HistoryPanel draft={draft} /> },
            ]}
          />
        </aside>
      </div>
      <Drawer open={preview} onClose={() => setPreview(false)} title={t("editor.preview")} size="large" destroyOnHidden>
        <OfficialReport report={content} findings={findings} />
      </Drawer>
      <ConflictDialog conflict={session.conflict} onResolve={session.resolveConflict} />
    </div>
  );
}
