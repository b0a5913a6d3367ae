import { formatDate, formatMetric, useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { Chart } from "../components/Chart";
import { ReportList } from "../components/ReportList";
import { useApp } from "../lib/app-context";
import { usePageHead } from "../lib/head";
import { agencyQueries } from "../lib/queries";
import { useTrpc } from "../lib/trpc";

export function AgencyPage({ id }: { id: string }) {
  const { t, locale, l } = useI18n();
  const { today } = useApp();
  const trpc = useTrpc();
  const [agencyQuery, reportsQuery, trendQuery] = agencyQueries(trpc, id, today);
  const agency = useSuspenseQuery(agencyQuery).data;
  const reports = useSuspenseQuery(reportsQuery).data;
  const trend = useSuspenseQuery(trendQuery).data;
  usePageHead({ title: agency.name });
  const published = reports.items.length;
  const onTime = reports.items.filter((r) => r.onTime).length;
  const rows = trend.rows.filter((r) => r.reportId);
  return (
    <div className="page">
      <h1>{agency.name}</h1>
      <p className="subtitle">
        {agency.regionName ?? agency.regionCode} · {t(`level.${agency.level}`)} · {t(`agency.status.${agency.status}`)}
        {agency.endedOn ? ` (${formatDate(agency.endedOn, locale)})` : ""}
      </p>
      {published > 0 && <p>{t("agency.onTimeRecord", { onTime, published })}</p>}
      {agency.events.length > 0 && (
        <section aria-labelledby="history">
          <h2 id="history">{t("agency.history")}</h2>
          <ul className="events">
            {agency.events.map((e) => (
              <li key={`${e.kind}-${e.date}-${e.otherAgencyId ?? ""}`}>
                {formatDate(e.date, locale)}：{t(`event.${e.kind}`, { from: e.fromName ?? "", to: e.toName ?? "" })}
                {e.note ? ` — ${e.note}` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="reports">
        <h2 id="reports">{t("agency.reports")}</h2>
        {published === 0 ? <p>{t("agency.noReports")}</p> : <ReportList items={reports.items} showRegion={false} />}
      </section>
      {rows.length > 1 && (
        <section aria-labelledby="trend">
          <h2 id="trend">{t("agency.trend")}</h2>
          <div className="split">
            <Chart
              label={t("chart.label", { metric: trend.metrics.map((m) => l(m.label)).join("、") })}
              spec={{
                kind: "line",
                categories: rows.map((r) => String(r.year)),
                series: trend.metrics.map((m) => ({
                  name: l(m.label),
                  values: rows.map((r) => (typeof r.values[m.key] === "number" ? (r.values[m.key] as number) : null)),
                })),
              }}
            />
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t("col.year")}</th>
                    {trend.metrics.map((m) => (
                      <th scope="col" key={m.key}>
                        {l(m.label)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.year}>
                      <th scope="row">{r.year}</th>
                      {trend.metrics.map((m) => (
                        <td key={m.key} className="num">
                          {formatMetric(r.values[m.key] ?? null, m.unit, locale)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </section>
      )}
    </div>
  );
}

const route = getRouteApi("/agencies/$id");
export function AgencyRoute() {
  return <AgencyPage id={route.useParams().id} />;
}
