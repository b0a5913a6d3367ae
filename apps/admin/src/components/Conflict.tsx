import type { Report } from "@gongkai/schema";
import { cellDefs, cellName, getCell, sectionKeys, setCell } from "@gongkai/schema/meta";
import { formatCell, formatDate, useI18n } from "@gongkai/ui";
import { Alert, Button, Modal, Space, Table } from "antd";
import type { Conflict } from "../lib/editor-state";

interface Difference {
  key: string;
  what: string;
  mine: string;
  theirs: string;
}

/** Every cell and text that differs between two versions of a draft. */
export function differences(mine: Report, theirs: Report, locale: "zh" | "en"): Difference[] {
  const out: Difference[] = [];
  for (const def of cellDefs(mine.edition)) {
    const a = getCell(mine, def.path);
    const b = getCell(theirs, def.path);
    if (JSON.stringify(a ?? null) !== JSON.stringify(b ?? null))
      out.push({
        key: def.path,
        what: cellName(def, locale),
        mine: formatCell(a ?? null, locale),
        theirs: formatCell(b ?? null, locale),
      });
  }
  const cut = (s: string | null) => (s === null ? "—" : s.length > 60 ? `${s.slice(0, 60)}…` : s);
  for (const k of sectionKeys) {
    for (const field of ["heading", "text"] as const) {
      const a = mine.sections[k][field];
      const b = theirs.sections[k][field];
      if (a !== b) out.push({ key: `${k}.${field}`, what: `${k} · ${field}`, mine: cut(a), theirs: cut(b) });
    }
  }
  return out;
}

/**
 * Three-way merge of a draft: my edits (what differs from the version I started from) applied on
 * top of the version saved meanwhile. Where both changed the same thing differently, mine wins
 * and the place is listed, so the user sees exactly what of theirs was replaced.
 */
export function mergeDrafts(
  base: Report,
  mine: Report,
  theirs: Report,
  locale: "zh" | "en",
): { merged: Report; overlaps: Difference[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  let merged = theirs;
  const overlaps: Difference[] = [];
  for (const def of cellDefs(mine.edition)) {
    const m = getCell(mine, def.path) ?? null;
    const b = getCell(base, def.path) ?? null;
    const t = getCell(theirs, def.path) ?? null;
    if (same(m, b)) continue;
    if (!same(t, b) && !same(t, m))
      overlaps.push({
        key: def.path,
        what: cellName(def, locale),
        mine: formatCell(m, locale),
        theirs: formatCell(t, locale),
      });
    merged = setCell(merged, def.path, m);
  }
  const sections = { ...merged.sections };
  for (const k of sectionKeys) {
    for (const field of ["heading", "text"] as const) {
      const m = mine.sections[k][field];
      const t = theirs.sections[k][field];
      if (m === base.sections[k][field]) continue;
      if (t !== base.sections[k][field] && t !== m)
        overlaps.push({ key: `${k}.${field}`, what: `${k} · ${field}`, mine: m ?? "—", theirs: t ?? "—" });
      sections[k] = { ...sections[k], [field]: m };
    }
  }
  merged = { ...merged, sections };
  for (const field of ["title", "preamble", "closing", "extraMetrics", "footnotes"] as const) {
    if (!same(mine[field], base[field])) merged = { ...merged, [field]: mine[field] } as Report;
  }
  return { merged, overlaps };
}

/** A save refused because someone saved first: show both versions, lose nothing. */
export function ConflictDialog({
  conflict,
  onResolve,
}: {
  conflict: Conflict | null;
  onResolve(choice: "merge" | "mine" | "theirs"): void;
}) {
  const { t, locale } = useI18n();
  if (!conflict) return null;
  const rows = differences(conflict.mine, conflict.theirs.content, locale);
  const { overlaps } = mergeDrafts(conflict.base, conflict.mine, conflict.theirs.content, locale);
  const download = () => {
    const blob = new Blob([JSON.stringify(conflict.mine, null, 2)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `my-version-${conflict.mine.agency.name}-${conflict.mine.year}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <Modal open title={t("conflict.title")} closable={false} maskClosable={false} width={860} footer={null}>
      <Alert
        type="warning"
        showIcon
        title={t("conflict.body", {
          who: conflict.theirs.updatedBy ?? t("conflict.someone"),
          when: formatDate(conflict.theirs.updatedAt, locale),
        })}
        className="gap"
      />
      <Table<Difference>
        size="small"
        rowKey="key"
        pagination={{ pageSize: 8, hideOnSinglePage: true }}
        dataSource={rows}
        columns={[
          { title: t("conflict.what"), dataIndex: "what" },
          { title: t("conflict.mine"), dataIndex: "mine" },
          { title: t("conflict.theirs"), dataIndex: "theirs" },
        ]}
      />
      {overlaps.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t("conflict.overlaps", { n: overlaps.length })}
          description={overlaps
            .slice(0, 6)
            .map((o) => o.what)
            .join("；")}
          className="gap"
        />
      ) : (
        <Alert type="success" showIcon title={t("conflict.noOverlap")} className="gap" />
      )}
      <Space wrap className="gap">
        <Button type="primary" onClick={() => onResolve("merge")}>
          {t("conflict.merge")}
        </Button>
        <Button onClick={() => onResolve("mine")}>{t("conflict.keepMine")}</Button>
        <Button onClick={() => onResolve("theirs")}>{t("conflict.takeTheirs")}</Button>
        <Button type="link" onClick={download}>
          {t("conflict.download")}
        </Button>
      </Space>
    </Modal>
  );
}
