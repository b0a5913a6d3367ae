import { cellDef, cellName, type Edition } from "@gongkai/schema/meta";
import { formatCell, formatDate, useI18n } from "@gongkai/ui";
import { Empty, Timeline, Typography } from "antd";
import type { Draft } from "../lib/api-types";

/** Published versions, newest first: who signed off, why it was corrected, what each changed. */
export function HistoryPanel({ draft }: { draft: Draft }) {
  const { t, locale } = useI18n();
  if (draft.versions.length === 0)
    return <Empty description={t("history.none")} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const edition = draft.edition as Edition;
  const show = (kind: string, v: unknown) =>
    kind === "cell"
      ? formatCell(v as never, locale)
      : typeof v === "string"
        ? v.length > 80
          ? `${v.slice(0, 80)}…`
          : v
        : v === null
          ? "—"
          : "…";
  return (
    <Timeline
      items={[...draft.versions].reverse().map((v) => ({
        key: v.number,
        children: (
          <div>
            <strong>{t("history.version", { n: v.number })}</strong> · {formatDate(v.publishedAt, locale)}
            {v.signedOffBy && <div>{t("history.signedOff", { name: v.signedOffBy })}</div>}
            {v.correctionReason && <div>{t("history.reason", { reason: v.correctionReason })}</div>}
            {v.changes.length > 0 ? (
              <details>
                <summary>{t("history.changes", { n: v.changes.length })}</summary>
                <ul className="changes">
                  {v.changes.map((c) => {
                    const def = c.kind === "cell" ? cellDef(edition, c.path) : undefined;
                    return (
                      <li key={c.path}>
                        {def ? cellName(def, locale) : c.path}: {show(c.kind, c.before)} → {show(c.kind, c.after)}
                      </li>
                    );
                  })}
                </ul>
              </details>
            ) : (
              <Typography.Text type="secondary">
                {v.number === 1 ? t("history.first") : t("history.noChanges")}
              </Typography.Text>
            )}
          </div>
        ),
      }))}
    />
  );
}
