import { type CellValue, cellDef, cellName, type Edition } from "@gongkai/schema/meta";
import type { ReactNode } from "react";
import { formatCell } from "../format";
import { useI18n } from "../i18n";

export interface CellMarks {
  /** Cells named by a finding, with its worst severity. */
  flagged: ReadonlyMap<string, "error" | "warning">;
  /** Cells of the finding the reader selected. */
  highlight: ReadonlySet<string>;
  /** Footnote number by cell path. */
  footnotes: ReadonlyMap<string, number>;
  idPrefix: string;
  /**
   * Draws a data cell instead of the read-only one (the admin console's editor puts an input in
   * it): the official layout, headers and ids stay the same.
   */
  renderCell?: (cell: CellRender) => ReactNode;
}

export interface CellRender {
  edition: Edition;
  path: string;
  value: CellValue | undefined;
  /** The ids of its header cells, for the td's headers attribute. */
  headers: string;
  flag: "error" | "warning" | undefined;
  highlighted: boolean;
}

/** One data cell: the value (or "—" for not reported), its header ids, its marks. */
export function ValueCell({
  edition,
  path,
  value,
  headers,
  marks,
}: {
  edition: Edition;
  path: string;
  value: CellValue | undefined;
  headers: string;
  marks: CellMarks;
}) {
  const { t, locale } = useI18n();
  const flag = marks.flagged.get(path);
  if (marks.renderCell)
    return marks.renderCell({ edition, path, value, headers, flag, highlighted: marks.highlight.has(path) });
  const note = marks.footnotes.get(path);
  const classes = [
    "gk-cell",
    value === null || value === undefined ? "gk-null" : "",
    flag ? `gk-flag-${flag}` : "",
    marks.highlight.has(path) ? "gk-highlight" : "",
  ]
    .filter(Boolean)
    .join(" ");
  const def = cellDef(edition, path);
  const title = [def ? cellName(def, locale) : path, flag ? t("finding.flagged") : ""].filter(Boolean).join(" · ");
  return (
    <td headers={headers} className={classes} data-cell={path} title={title}>
      {value === null || value === undefined ? (
        <>
          <span aria-hidden="true">—</span>
          <span className="gk-sr-only">{t("report.notReported")}</span>
        </>
      ) : (
        formatCell(value, locale)
      )}
      {note !== undefined && (
        <sup>
          <a
            href={`#${marks.idPrefix}fn-${note}`}
            id={`${marks.idPrefix}fnref-${note}`}
            aria-label={`${t("report.footnotes")} ${note}`}
          >
            {note}
          </a>
        </sup>
      )}
    </td>
  );
}
