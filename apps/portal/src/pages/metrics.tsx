import { agencyLevels, metricUnitLabels } from "@gongkai/schema/meta";
import { formatMetric, useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useId, useMemo, useState } from "react";
import { Chart } from "../components/Chart";
import { downloadCsv, toCsv } from "../lib/csv";
import { usePageHead } from "../lib/head";
import { type MetricsSearch, metricsInput } from "../lib/queries";
import { useTrpc } from "../lib/trpc";

export function MetricsPage({ search }: { search: MetricsSearch }) {
  const { t, l, locale } = useI18n();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const catalog = useSuspenseQuery(trpc.metrics.catalog.queryOptions()).data;
  const input = metricsInput(search);
  const series = useSuspenseQuery(trpc.metrics.series.queryOptions(input)).data;
  const [q, setQ] = useState("");
  const searchId = useId();
  const found = useMemo(() => {
    const needle = q.trim().toLowerCase();
    if (!needle) return [];
    return catalog
      .filter((m) => [m.key, m.label.zh, m.label.en].some((s) => s.toLowerCase().includes(needle)))
      .slice(0, 12);
  }, [catalog, q]);
  const m = series.metric;
  const set = (patch: Partial<MetricsSearch>) => void navigate({ to: "/metrics", search: { ...search, ...patch } });
  const csv = () =>
    downloadCsv(
      `gongkai-${m.key}-${input.groupBy}.csv`,
      toCsv(
        [t("metrics.group"), l(m.label), t("metrics.reports"), t("metrics.withValue")],
        series.points.map((p) => [l(p.label), p.value, p.reports, p.reportsWithValue]),
      ),
    );
  return (
    <div className="page">
      <h1>{t("metrics.title")}</h1>
      <p className="lead">{t("metrics.lead")}</p>
      <div className="metric-search">
        <label htmlFor={searchId}>{t("metrics.search")}</label>
        <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        {found.length > 0 && (
          <ul className="picker-options">
            {found.map((x) => (
              <li key={x.key}>
                <Link to="/metrics" search={{ ...search, metric: x.key }} onClick={() => setQ("")}>
                  {l(x.label)} <span className="muted">{x.key}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="metric-options">
        <fieldset>
          <legend>{t("metrics.groupBy")}</legend>
          {(["year", "region", "level"] as const).map((g) => (
            <label key={g}>
              <input
                type="radio"
                name="groupBy"
                value={g}
                checked={input.groupBy === g}
                onChange={() => set({ groupBy: g })}
              />{" "}
              {t(`metrics.by.${g}`)}
            </label>
          ))}
        </fieldset>
        <label>
          {t("browse.level")}
          <select
            value={search.level ?? ""}
            onChange={(e) => set({ level: (e.target.value || undefined) as MetricsSearch["level"] })}
          >
            <option value="">{t("browse.any")}</option>
            {agencyLevels.map((x) => (
              <option key={x} value={x}>
                {t(`level.${x}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <h2>{l(m.label)}</h2>
      <div className="split">
        <div className="metric-data">
          {series.points.length === 0 ? (
            <p>{t("metrics.noData")}</p>
          ) : (
            <Chart
              label={t("chart.label", { metric: l(m.label) })}
              spec={{
                kind: input.groupBy === "year" ? "line" : "bar",
                categories: series.points.map((p) => l(p.label)),
                percent: m.unit === "share",
                series: [
                  { name: l(m.label), values: series.points.map((p) => (p.value === null ? null : Number(p.value))) },
                ],
              }}
            />
          )}
          <div className="table-scroll">
            <table className="data-table">
              <caption>{l(m.label)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("metrics.group")}</th>
                  <th scope="col">{t("metrics.value")}</th>
                  <th scope="col">{t("metrics.reports")}</th>
                  <th scope="col">{t("metrics.withValue")}</th>
                </tr>
              </thead>
              <tbody>
                {series.points.map((p) => (
                  <tr key={p.key}>
                    <th scope="row">
                      {input.groupBy === "region" && p.key.endsWith("00") ? (
                        <Link
                          to="/metrics"
                          search={{
                            ...search,
                            groupBy: "region",
                            region: p.key.endsWith("0000") ? p.key.slice(0, 2) : p.key.slice(0, 4),
                          }}
                        >
                          {l(p.label)}
                        </Link>
                      ) : (
                        l(p.label)
                      )}
                    </th>
                    <td className="num">{formatMetric(p.value, m.unit, locale)}</td>
                    <td className="num">{p.reports}</td>
                    <td className="num">{p.reportsWithValue}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="button" onClick={csv}>
              {t("compare.csv")}
            </button>
          </p>
        </div>
        <aside className="definition" aria-labelledby="definition">
          <h3 id="definition">{t("metrics.definition")}</h3>
          <p>{l(m.description)}</p>
          <dl>
            <dt>{t("metrics.unit")}</dt>
            <dd>{l(metricUnitLabels[m.unit])}</dd>
            <dt>{t("metrics.editions")}</dt>
            <dd>{m.editions.join(", ")}</dd>
            <dt>{t("metrics.comparability")}</dt>
            <dd>
              {t(`comparability.${m.comparability}`)}
              {m.comparabilityNote ? `：${l(m.comparabilityNote)}` : ""}
              {m.counterpart ? (
                <>
                  {" "}
                  <Link to="/metrics" search={{ ...search, metric: m.counterpart }}>
                    {t("metrics.counterpart", { key: m.counterpart })}
                  </Link>
                </>
              ) : null}
            </dd>
            <dt>{t("metrics.key")}</dt>
            <dd>
              <code>{m.key}</code>
            </dd>
          </dl>
        </aside>
      </div>
    </div>
  );
}

const route = getRouteApi("/metrics");
export function MetricsRoute() {
  const { t } = useI18n();
  usePageHead({ title: t("metrics.title") });
  return <MetricsPage search={route.useSearch()} />;
}
