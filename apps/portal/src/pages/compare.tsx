import { formatMetric, useI18n } from "@gongkai/ui";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import { Chart } from "../components/Chart";
import { latestYear, useApp } from "../lib/app-context";
import { downloadCsv, toCsv } from "../lib/csv";
import { usePageHead } from "../lib/head";
import {
  type CompareSearch,
  type CompareSelection,
  compareInput,
  compareSearch,
  compareSelection,
} from "../lib/queries";
import { useTrpc } from "../lib/trpc";

function AgencyPicker({ onPick }: { onPick: (id: string) => void }) {
  const { t } = useI18n();
  const trpc = useTrpc();
  const [q, setQ] = useState("");
  const id = useId();
  const found = useQuery({
    ...trpc.agencies.list.queryOptions({ query: q, pageSize: 8 }),
    enabled: q.trim().length > 0,
  });
  return (
    <div className="picker">
      <label htmlFor={id}>{t("compare.addAgency")}</label>
      <input
        id={id}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t("search.placeholder")}
        autoComplete="off"
      />
      {found.data && found.data.items.length > 0 && (
        <ul className="picker-options">
          {found.data.items.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                onClick={() => {
                  onPick(a.id);
                  setQ("");
                }}
              >
                {a.name} <span className="muted">{a.regionName}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ComparePage({ search }: { search: CompareSearch }) {
  const { t, l, locale } = useI18n();
  const { today } = useApp();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const catalog = useSuspenseQuery(trpc.metrics.catalog.queryOptions()).data;
  const selection = compareSelection(search);
  const input = compareInput(selection, today);
  const result = useQuery({ ...trpc.metrics.compare.queryOptions(input), enabled: input.agencyIds.length > 0 });
  const go = (patch: Partial<CompareSelection>) => {
    void navigate({ to: "/compare", search: compareSearch({ ...selection, ...patch }) });
  };
  const allYears = Array.from({ length: latestYear(today) - 2018 }, (_, i) => 2019 + i);
  const data = result.data;
  const columns = data ? data.rows : [];
  const headerOf = (r: (typeof columns)[number]) => `${r.agencyName} ${r.year}`;
  const csv = () => {
    if (!data) return;
    const header = [t("metrics.title"), ...columns.map(headerOf)];
    const rows = data.metrics.map((m) => [
      l(m.label),
      ...columns.map((r) => (r.values[m.key] ?? null) as string | number | null),
    ]);
    downloadCsv("gongkai-compare.csv", toCsv(header, rows));
  };
  return (
    <div className="page">
      <h1>{t("compare.title")}</h1>
      <p className="lead">{t("compare.lead")}</p>
      <div className="compare-controls">
        <fieldset>
          <legend>{t("compare.agencies")}</legend>
          <ul className="chips">
            {(data?.rows ?? [])
              .filter((r, i, all) => all.findIndex((x) => x.agencyId === r.agencyId) === i)
              .map((r) => (
                <li key={r.agencyId}>
                  {r.agencyName}{" "}
                  <button
                    type="button"
                    aria-label={t("compare.remove", { name: r.agencyName })}
                    onClick={() => go({ agencies: selection.agencies.filter((a) => a !== r.agencyId) })}
                  >
                    ×
                  </button>
                </li>
              ))}
          </ul>
          <AgencyPicker
            onPick={(id) => !selection.agencies.includes(id) && go({ agencies: [...selection.agencies, id] })}
          />
        </fieldset>
        <fieldset>
          <legend>{t("compare.years")}</legend>
          <div className="checks">
            {allYears.map((y) => (
              <label key={y}>
                <input
                  type="checkbox"
                  checked={input.years.includes(y)}
                  onChange={(e) =>
                    go({ years: e.target.checked ? [...input.years, y].sort() : input.years.filter((x) => x !== y) })
                  }
                />
                {y}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t("compare.metrics")}</legend>
          <select
            multiple
            size={6}
            aria-label={t("compare.metrics")}
            value={input.metrics}
            onChange={(e) => go({ metrics: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {catalog
              .filter((m) => m.kind === "derived" || m.key.endsWith(".total") || m.table === "t2")
              .map((m) => (
                <option key={m.key} value={m.key}>
                  {l(m.label)}
                </option>
              ))}
          </select>
        </fieldset>
      </div>
      {input.agencyIds.length === 0 ? (
        <p>{t("compare.empty")}</p>
      ) : !data ? (
        <p role="status">{t("loading")}</p>
      ) : (
        <>
          <div className="table-scroll">
            <table className="data-table compare-table">
              <caption>{t("compare.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("compare.metrics")}</th>
                  {columns.map((r, i) => (
                    <th scope="col" key={`${r.agencyId}-${r.year}`}>
                      {headerOf(r)}
                      {i > 0 && <span className="visually-hidden"> ({t("compare.diff")})</span>}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.metrics.map((m) => {
                  const first = columns[0]?.values[m.key];
                  return (
                    <tr key={m.key}>
                      <th scope="row">{l(m.label)}</th>
                      {columns.map((r, i) => {
                        const v = r.values[m.key] ?? null;
                        const diff = i > 0 && typeof v === "number" && typeof first === "number" ? v - first : null;
                        return (
                          <td key={`${r.agencyId}-${r.year}`} className="num" data-metric={m.key}>
                            {r.reportId ? (
                              formatMetric(v, m.unit, locale)
                            ) : (
                              <span className="muted">{t("compare.noReport")}</span>
                            )}
                            {diff !== null && diff !== 0 && (
                              <span className={diff > 0 ? "diff up" : "diff down"}>
                                {" "}
                                ({diff > 0 ? "+" : "−"}
                                {formatMetric(Math.abs(diff), m.unit, locale)})
                              </span>
                            )}
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="button" onClick={csv}>
              {t("compare.csv")}
            </button>
          </p>
          {data.metrics[0] && (
            <Chart
              label={t("chart.label", { metric: l(data.metrics[0].label) })}
              spec={{
                kind: "bar",
                categories: columns.map(headerOf),
                percent: data.metrics[0].unit === "share",
                series: [
                  {
                    name: l(data.metrics[0].label),
                    values: columns.map((r) =>
                      typeof r.values[data.metrics[0]?.key ?? ""] === "number"
                        ? (r.values[data.metrics[0]?.key ?? ""] as number)
                        : null,
                    ),
                  },
                ],
              }}
            />
          )}
        </>
      )}
    </div>
  );
}

const route = getRouteApi("/compare");
export function CompareRoute() {
  const { t } = useI18n();
  usePageHead({ title: t("compare.title") });
  return <ComparePage search={route.useSearch()} />;
}
