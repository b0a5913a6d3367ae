import { cellDef, cellName, type Edition } from "@gongkai/schema/meta";
import { FindingsPanel, formatCell, formatDate, OfficialReport, useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { QualityBadge } from "../components/ReportList";
import type { PortalOutputs } from "../lib/api-types";
import { usePageHead } from "../lib/head";
import { reportInput } from "../lib/queries";
import { useTrpc } from "../lib/trpc";

type Published = PortalOutputs["reports"]["get"];

export function ReportPage({ id, version }: { id: string; version?: number | undefined }) {
  const trpc = useTrpc();
  const { data } = useSuspenseQuery(trpc.reports.get.queryOptions(reportInput(id, version)));
  const { t } = useI18n();
  const [selected, setSelected] = useState<number | null>(null);
  usePageHead({
    title: t("report.pageTitle", { agency: data.summary.agency.name, year: data.summary.year }),
    description: t("report.pageDescription", { agency: data.summary.agency.name, year: data.summary.year }),
  });
  const highlight = new Set(selected === null ? [] : (data.findings[selected]?.cells ?? []));
  return (
    <div className="page report-page">
      <ReportToolbar data={data} />
      <div className="report-layout">
        <div className="report-main">
          <OfficialReport report={data.content} findings={data.findings} highlight={highlight} />
        </div>
        <aside className="report-side">
          <FindingsPanel
            findings={data.findings}
            selected={selected}
            onSelect={(i, f) => {
              setSelected(i);
              const first = f?.cells[0];
              if (first)
                document
                  .querySelector(`[data-cell="${first}"]`)
                  ?.scrollIntoView({ block: "center", behavior: "smooth" });
            }}
          />
          <Versions data={data} />
        </aside>
      </div>
    </div>
  );
}

function ReportToolbar({ data }: { data: Published }) {
  const { t, locale } = useI18n();
  const s = data.summary;
  const base = `/api/v1/reports/${s.id}`;
  const q = data.version.number === s.latestVersion ? "" : `?version=${data.version.number}`;
  const lang = `${q ? "&" : "?"}lang=${locale}`;
  return (
    <div className="report-toolbar">
      <p className="breadcrumbs">
        <Link to="/agencies/$id" params={{ id: s.agency.id }}>
          {s.agency.name}
        </Link>{" "}
        · {s.year} · {s.agency.regionName ?? s.agency.regionCode}
      </p>
      {data.version.number !== s.latestVersion && (
        <p className="notice" role="status">
          {t("report.oldVersion", { n: data.version.number, latest: s.latestVersion })}{" "}
          <Link to="/reports/$id" params={{ id: s.id }}>
            {t("report.viewVersion", { n: s.latestVersion })}
          </Link>
        </p>
      )}
      <ul className="report-facts">
        <li>{t("report.deadline", { deadline: formatDate(s.deadline, locale) })}</li>
        <li className={s.onTime === false ? "late" : undefined}>
          {s.onTime === null ? "—" : s.onTime ? t("report.onTime") : t("report.late")}
        </li>
        <li>
          <QualityBadge quality={s.quality} errors={s.errors} warnings={s.warnings} />
        </li>
      </ul>
      <nav className="downloads" aria-label={t("report.downloads")}>
        <span>{t("report.downloads")}:</span>
        {(["json", "csv", "xlsx", "docx"] as const).map((ext) => (
          <a key={ext} href={`${base}.${ext}${q}${ext === "json" ? "" : lang}`} download data-format={ext}>
            {t(`report.download.${ext}`)}
          </a>
        ))}
        <button type="button" className="gk-link-button" onClick={() => window.print()}>
          {t("report.print")}
        </button>
        <Link to="/compare" search={{ agencies: s.agency.id, years: String(s.year) }}>
          {t("report.compare")}
        </Link>
      </nav>
    </div>
  );
}

function Versions({ data }: { data: Published }) {
  const { t, locale } = useI18n();
  const edition = data.content.edition as Edition;
  return (
    <section className="versions" aria-labelledby="versions-title">
      <h2 id="versions-title">{t("report.versions")}</h2>
      <ol reversed>
        {[...data.versions].reverse().map((v) => (
          <li key={v.number}>
            <p>
              {v.number === data.version.number ? (
                <strong>
                  {t("report.version", { n: v.number })}
                  {t("report.versionCurrent")}
                </strong>
              ) : (
                <Link to="/reports/$id" params={{ id: data.summary.id }} search={{ version: v.number }}>
                  {t("report.version", { n: v.number })}
                </Link>
              )}{" "}
              · {formatDate(v.publishedAt, locale)}
              {v.signedOffBy ? ` · ${t("report.signedOff", { name: v.signedOffBy })}` : ""}
            </p>
            {v.correctionReason ? (
              <p>{t("report.correction", { reason: v.correctionReason })}</p>
            ) : (
              <p>{t("report.versionOriginal")}</p>
            )}
            {v.changes.length > 0 && (
              <details>
                <summary>{t("report.changes", { n: v.changes.length })}</summary>
                <ul className="changes">
                  {v.changes.map((c) => {
                    const def = c.kind === "cell" ? cellDef(edition, c.path) : undefined;
                    const name = def ? cellName(def, locale) : c.path;
                    const show = (x: unknown) =>
                      c.kind === "cell"
                        ? formatCell(x as never, locale)
                        : typeof x === "string"
                          ? x.length > 60
                            ? `${x.slice(0, 60)}…`
                            : x
                          : x === null
                            ? "—"
                            : "…";
                    return (
                      <li key={c.path}>
                        {name}: {show(c.before)} → {show(c.after)}
                      </li>
                    );
                  })}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

const route = getRouteApi("/reports/$id");
export function ReportRoute() {
  return <ReportPage id={route.useParams().id} version={route.useSearch().version} />;
}
