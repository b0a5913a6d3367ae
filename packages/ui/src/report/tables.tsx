import type { Report } from "@gongkai/schema";
import {
  type Edition,
  getCell,
  layouts,
  type T3Node,
  t2ContentHeader,
  t3ColumnKeys,
  t3ColumnLabels,
  t3HeaderLabels,
  t4BlockKeys,
  t4BlockLabels,
  t4LitigationLabel,
  t4OutcomeKeys,
  t4OutcomeLabels,
} from "@gongkai/schema/meta";
import type { ReactNode } from "react";
import { useI18n } from "../i18n";
import { type CellMarks, ValueCell } from "./cell";

const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, "_");

/** Table 二: one small table per article item, as the format draws them. */
export function Table2({ report, marks }: { report: Report; marks: CellMarks }) {
  const { l, t } = useI18n();
  const p = marks.idPrefix;
  return (
    <div className="gk-t2">
      {layouts.t2[report.edition].map((sub) => {
        const base = `${p}t2-${sub.key}`;
        return (
          <div className="gk-table-scroll" key={sub.key}>
            <table className="gk-table gk-table-t2" id={base}>
              <caption>
                {t("report.tableT2")} · {l(sub.caption)}
              </caption>
              <thead>
                <tr>
                  <th scope="col" id={`${base}-content`}>
                    {l(t2ContentHeader)}
                  </th>
                  {sub.columns.map((c) => (
                    <th scope="col" id={`${base}-c-${c.key}`} key={c.key}>
                      {l(c.label)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {sub.rows.map((r) => (
                  <tr key={r.key}>
                    <th scope="row" id={`${base}-r-${r.key}`} className="gk-sticky">
                      {l(r.label)}
                    </th>
                    {sub.columns.map((c) => {
                      const path = `t2.${r.key}.${c.key}`;
                      return (
                        <ValueCell
                          key={c.key}
                          edition={report.edition}
                          path={path}
                          value={getCell(report, path)}
                          headers={`${base}-r-${r.key} ${base}-c-${c.key}`}
                          marks={marks}
                        />
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </div>
  );
}

interface FlatRow {
  path: string;
  /** Header cells to draw in front of this row's data (group headers start here). */
  heads: ReactNode[];
  /** Ids of every header this row's cells sit under. */
  rowHeaderIds: string[];
}

/** The row tree of table 三 as rows with their rowspan/colspan header cells. */
function flattenT3(nodes: readonly T3Node[], l: (x: { zh: string; en: string }) => string, base: string): FlatRow[] {
  const rows: FlatRow[] = [];
  const leafCount = (n: T3Node): number => (n.kind === "row" ? 1 : n.children.reduce((s, c) => s + leafCount(c), 0));
  const walk = (list: readonly T3Node[], depth: number, pending: ReactNode[], groupIds: string[]) => {
    list.forEach((node, i) => {
      const lead = i === 0 ? pending : [];
      if (node.kind === "group") {
        const id = `${base}-g-${safe(node.key)}`;
        const head = (
          <th
            key={id}
            id={id}
            scope="rowgroup"
            rowSpan={leafCount(node)}
            className={depth === 0 ? "gk-group gk-sticky" : "gk-group"}
          >
            {l(node.label)}
          </th>
        );
        walk(node.children, depth + 1, [...lead, head], [...groupIds, id]);
        return;
      }
      const id = `${base}-r-${safe(node.path)}`;
      rows.push({
        path: node.path,
        heads: [
          ...lead,
          <th key={id} id={id} scope="row" colSpan={3 - depth} className={depth === 0 ? "gk-sticky" : undefined}>
            {l(node.label)}
          </th>,
        ],
        rowHeaderIds: [...groupIds, id],
      });
    });
  };
  walk(nodes, 0, [], []);
  return rows;
}

/** Table 三 with the format's merged headers: the note cell, 申请人情况, 法人或其他组织, the row groups. */
export function Table3({ report, marks }: { report: Report; marks: CellMarks }) {
  const { l, t } = useI18n();
  const base = `${marks.idPrefix}t3`;
  const rows = flattenT3(layouts.t3[report.edition], l, base);
  const col = (k: string) => `${base}-c-${k}`;
  const colHeaders = (k: (typeof t3ColumnKeys)[number]) =>
    k === "naturalPerson" || k === "total"
      ? `${base}-applicants ${col(k)}`
      : `${base}-applicants ${base}-org ${col(k)}`;
  return (
    <div className="gk-table-scroll">
      <table className="gk-table gk-table-t3" id={base}>
        <caption>
          {t("report.tableT3")} ·{" "}
          {l({ zh: "收到和处理政府信息公开申请情况", en: "Disclosure requests received and handled" })}
        </caption>
        <thead>
          <tr>
            {/* The corner of the official table: a note on how the columns add up. A <th> (not a data cell) so that every <td> of the table is a figure with headers. */}
            <th colSpan={3} rowSpan={3} className="gk-note">
              {l(t3HeaderLabels.note)}
            </th>
            <th colSpan={7} scope="colgroup" id={`${base}-applicants`}>
              {l(t3HeaderLabels.applicants)}
            </th>
          </tr>
          <tr>
            <th rowSpan={2} scope="col" id={col("naturalPerson")}>
              {l(t3ColumnLabels.naturalPerson)}
            </th>
            <th colSpan={5} scope="colgroup" id={`${base}-org`}>
              {l(t3HeaderLabels.organisations)}
            </th>
            <th rowSpan={2} scope="col" id={col("total")}>
              {l(t3ColumnLabels.total)}
            </th>
          </tr>
          <tr>
            {t3ColumnKeys
              .filter((k) => k !== "naturalPerson" && k !== "total")
              .map((k) => (
                <th key={k} scope="col" id={col(k)}>
                  {l(t3ColumnLabels[k])}
                </th>
              ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.path} className={r.path === "handledTotal" ? "gk-total-row" : undefined}>
              {r.heads}
              {t3ColumnKeys.map((k) => {
                const path = `t3.${r.path}.${k}`;
                return (
                  <ValueCell
                    key={k}
                    edition={report.edition}
                    path={path}
                    value={getCell(report, path)}
                    headers={`${r.rowHeaderIds.join(" ")} ${colHeaders(k)}`}
                    marks={marks}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Table 四: 行政复议 over five columns, 行政诉讼 over ten, one row of figures. */
export function Table4({ report, marks }: { report: Report; marks: CellMarks }) {
  const { l, t } = useI18n();
  const base = `${marks.idPrefix}t4`;
  const id = (block: string, k?: string) => `${base}-${block}${k ? `-${k}` : ""}`;
  const blockHeaders = (block: (typeof t4BlockKeys)[number], k: string) =>
    block === "review" ? `${id("review")} ${id("review", k)}` : `${base}-lit ${id(block)} ${id(block, k)}`;
  return (
    <div className="gk-table-scroll">
      <table className="gk-table gk-table-t4" id={base}>
        <caption>
          {t("report.tableT4")} ·{" "}
          {l({ zh: "政府信息公开行政复议、行政诉讼情况", en: "Administrative review and litigation" })}
        </caption>
        <thead>
          <tr>
            <th colSpan={5} scope="colgroup" id={id("review")}>
              {l(t4BlockLabels.review)}
            </th>
            <th colSpan={10} scope="colgroup" id={`${base}-lit`}>
              {l(t4LitigationLabel)}
            </th>
          </tr>
          <tr>
            {t4OutcomeKeys.map((k) => (
              <th key={k} rowSpan={2} scope="col" id={id("review", k)}>
                {l(t4OutcomeLabels[k])}
              </th>
            ))}
            <th colSpan={5} scope="colgroup" id={id("suitDirect")}>
              {l(t4BlockLabels.suitDirect)}
            </th>
            <th colSpan={5} scope="colgroup" id={id("suitAfterReview")}>
              {l(t4BlockLabels.suitAfterReview)}
            </th>
          </tr>
          <tr>
            {(["suitDirect", "suitAfterReview"] as const).flatMap((block) =>
              t4OutcomeKeys.map((k) => (
                <th key={`${block}-${k}`} scope="col" id={id(block, k)}>
                  {l(t4OutcomeLabels[k])}
                </th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          <tr>
            {t4BlockKeys.flatMap((block) =>
              t4OutcomeKeys.map((k) => {
                const path = `t4.${block}.${k}`;
                return (
                  <ValueCell
                    key={path}
                    edition={report.edition as Edition}
                    path={path}
                    value={getCell(report, path)}
                    headers={blockHeaders(block, k)}
                    marks={marks}
                  />
                );
              }),
            )}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
