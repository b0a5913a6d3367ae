import {
  editionLabels,
  editions,
  metricUnitLabels,
  officialHeadings,
  rules,
  sectionKeys,
  tableCaptions,
  tableIds,
} from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useId, useMemo, useState } from "react";
import { usePageHead } from "../lib/head";
import { useTrpc } from "../lib/trpc";

const restExamples = [
  { path: "/api/v1/reports/{id}.json", key: "data.rest.json" },
  { path: "/api/v1/reports/{id}.csv", key: "data.rest.csv" },
  { path: "/api/v1/reports/{id}.xlsx", key: "data.rest.xlsx" },
  { path: "/api/v1/reports/{id}.docx", key: "data.rest.docx" },
  { path: "/api/v1/agencies/{agencyId}/reports/{year}.json", key: "data.rest.byAgency" },
  { path: "/api/v1/openapi.json", key: "data.rest.openapi" },
] as const;

const typesExample = `import { ReportSchema, validateReport } from "@gongkai/schema";

const report = ReportSchema.parse(JSON.parse(text)); // 格式不符时抛出 ZodError，指明字段
const findings = validateReport(report);             // 25 条一致性规则
for (const f of findings) console.log(f.ruleId, f.severity, f.message.zh, f.cells);`;

const trpcExample = `import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { PortalRouter } from "@gongkai/api";

const api = createTRPCClient<PortalRouter>({
  links: [httpBatchLink({ url: "https://<host>/trpc/portal" })],
});
const series = await api.metrics.series.query({ metric: "t3.newReceived.total", groupBy: "year" });`;

/** What the format is, what every metric means, and how to take the data away. */
export function DataPage() {
  const { t, l } = useI18n();
  usePageHead({ title: t("data.title") });
  const trpc = useTrpc();
  const catalog = useSuspenseQuery(trpc.metrics.catalog.queryOptions()).data;
  const [q, setQ] = useState("");
  const filterId = useId();
  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return needle
      ? catalog.filter((m) =>
          [m.key, m.label.zh, m.label.en, m.description.zh, m.description.en].some((s) =>
            s.toLowerCase().includes(needle),
          ),
        )
      : catalog;
  }, [catalog, q]);
  return (
    <div className="page narrow data-page">
      <h1>{t("data.title")}</h1>
      <p className="lead">{t("data.lead")}</p>
      <nav aria-label={t("data.contents")} className="toc">
        <ol>
          <li>
            <a href="#format">{t("data.format")}</a>
          </li>
          <li>
            <a href="#rules">{t("data.rules")}</a>
          </li>
          <li>
            <a href="#glossary">{t("data.glossary")}</a>
          </li>
          <li>
            <a href="#api">{t("data.api")}</a>
          </li>
          <li>
            <a href="#types">{t("data.types")}</a>
          </li>
        </ol>
      </nav>

      <section aria-labelledby="format">
        <h2 id="format">{t("data.format")}</h2>
        <p>{t("data.format.body")}</p>
        <ul>
          {editions.map((e) => (
            <li key={e}>
              <strong>{e}</strong>: {l(editionLabels[e])} — {t(`data.edition.${e}`)}
            </li>
          ))}
        </ul>
        <p>{t("data.sections")}</p>
        <ol className="plain">
          {sectionKeys.map((k) => (
            <li key={k}>{l(officialHeadings[k])}</li>
          ))}
        </ol>
        <p>{t("data.tables")}</p>
        <ul>
          {tableIds.map((id) => (
            <li key={id}>{l(tableCaptions[id])}</li>
          ))}
        </ul>
        <p>{t("data.nulls")}</p>
      </section>

      <section aria-labelledby="rules">
        <h2 id="rules">{t("data.rules")}</h2>
        <p>{t("data.rules.body")}</p>
        <div className="table-scroll">
          <table className="data-table">
            <caption>{t("data.rules.caption", { n: rules.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.rules.id")}</th>
                <th scope="col">{t("data.rules.title")}</th>
                <th scope="col">{t("data.rules.severity")}</th>
                <th scope="col">{t("data.rules.what")}</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((r) => (
                <tr key={r.id} id={`rule-${r.id}`}>
                  <th scope="row">{r.id}</th>
                  <td>{l(r.title)}</td>
                  <td>{t(`data.severity.${r.severity}`)}</td>
                  <td>{l(r.description)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="glossary">
        <h2 id="glossary">{t("data.glossary")}</h2>
        <p>{t("data.glossary.body")}</p>
        <div className="field">
          <label htmlFor={filterId}>{t("data.glossary.filter")}</label>
          <input id={filterId} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        </div>
        <div className="table-scroll">
          <table className="data-table glossary">
            <caption>{t("data.glossary.caption", { shown: shown.length, total: catalog.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("data.glossary.metric")}</th>
                <th scope="col">{t("data.glossary.definition")}</th>
                <th scope="col">{t("data.glossary.unit")}</th>
                <th scope="col">{t("data.glossary.editions")}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => (
                <tr key={m.key}>
                  <th scope="row">
                    <Link to="/metrics" search={{ metric: m.key }}>
                      {l(m.label)}
                    </Link>
                    <code className="metric-key">{m.key}</code>
                  </th>
                  <td>
                    {l(m.description)}
                    {m.comparabilityNote && <p className="muted">{l(m.comparabilityNote)}</p>}
                  </td>
                  <td>{l(metricUnitLabels[m.unit])}</td>
                  <td>{m.editions.join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="api">
        <h2 id="api">{t("data.api")}</h2>
        <p>{t("data.api.body")}</p>
        <dl className="endpoints">
          {restExamples.map((e) => (
            <div key={e.path}>
              <dt>
                <code>GET {e.path}</code>
              </dt>
              <dd>{t(e.key)}</dd>
            </div>
          ))}
        </dl>
        <p>{t("data.api.trpc")}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling code block must be reachable by keyboard to scroll it */}
        <pre className="code" tabIndex={0}>
          <code>{trpcExample}</code>
        </pre>
        <p>{t("data.api.cache")}</p>
      </section>

      <section aria-labelledby="types">
        <h2 id="types">{t("data.types")}</h2>
        <p>{t("data.types.body")}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling code block must be reachable by keyboard to scroll it */}
        <pre className="code" tabIndex={0}>
          <code>{typesExample}</code>
        </pre>
        <p>{t("data.types.json")}</p>
      </section>
    </div>
  );
}
