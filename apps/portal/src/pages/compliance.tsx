import { formatDate, formatShare, useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { latestYear, useApp } from "../lib/app-context";
import { usePageHead } from "../lib/head";
import { type ComplianceSearch, complianceInput } from "../lib/queries";
import { useTrpc } from "../lib/trpc";

export function CompliancePage({ search }: { search: ComplianceSearch }) {
  const { t, l, locale } = useI18n();
  const { today } = useApp();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const input = complianceInput(search, today);
  const data = useSuspenseQuery(trpc.compliance.summary.queryOptions(input)).data;
  const years = Array.from({ length: latestYear(today) - 2018 }, (_, i) => latestYear(today) - i);
  const prefix = (code: string) =>
    code.endsWith("0000") ? code.slice(0, 2) : code.endsWith("00") ? code.slice(0, 4) : code;
  return (
    <div className="page">
      <h1>{t("compliance.title")}</h1>
      <p className="lead">{t("compliance.lead")}</p>
      <form className="filters" method="get" action="/compliance">
        <label>
          {t("browse.year")}
          <select
            name="year"
            value={input.year}
            onChange={(e) => void navigate({ to: "/compliance", search: { ...search, year: Number(e.target.value) } })}
          >
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        {search.region && (
          <Link to="/compliance" search={{ year: search.year }}>
            {t("browse.allRegions")}
          </Link>
        )}
      </form>
      <p className="muted">{t("compliance.asOf", { date: formatDate(data.asOf, locale) })}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption>
            {t("compliance.title")} · {input.year}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("col.region")}</th>
              <th scope="col">{t("compliance.due")}</th>
              <th scope="col">{t("compliance.published")}</th>
              <th scope="col">{t("compliance.onTime")}</th>
              <th scope="col">{t("compliance.late")}</th>
              <th scope="col">{t("compliance.missing")}</th>
              <th scope="col">{t("compliance.pending")}</th>
              <th scope="col">{t("home.onTime")}</th>
            </tr>
          </thead>
          <tbody>
            {data.regions.map((r) => (
              <tr key={r.regionCode}>
                <th scope="row">
                  {r.regionCode.endsWith("00") && prefix(r.regionCode) !== search.region ? (
                    <Link to="/compliance" search={{ ...search, region: prefix(r.regionCode) }}>
                      {l(r.label)}
                    </Link>
                  ) : (
                    l(r.label)
                  )}
                </th>
                <td className="num">{r.due}</td>
                <td className="num">{r.published}</td>
                <td className="num">{r.onTime}</td>
                <td className="num">{r.late}</td>
                <td className="num">{r.missing}</td>
                <td className="num">{r.pending}</td>
                <td className="num">{formatShare(r.published ? r.onTime / r.published : null, locale)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">∑</th>
              <td className="num">{data.totals.due}</td>
              <td className="num">{data.totals.published}</td>
              <td className="num">{data.totals.onTime}</td>
              <td className="num">{data.totals.late}</td>
              <td className="num">{data.totals.missing}</td>
              <td className="num">{data.totals.pending}</td>
              <td className="num">
                {formatShare(data.totals.published ? data.totals.onTime / data.totals.published : null, locale)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h2>{t("compliance.list")}</h2>
      {data.lateOrMissing.length === 0 ? (
        <p>{t("compliance.none")}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t("col.agency")}</th>
                <th scope="col">{t("col.deadline")}</th>
                <th scope="col">{t("col.published")}</th>
                <th scope="col">{t("col.onTime")}</th>
              </tr>
            </thead>
            <tbody>
              {data.lateOrMissing.map((a) => (
                <tr key={a.agencyId}>
                  <th scope="row">
                    {a.reportId && a.status === "late" ? (
                      <Link to="/reports/$id" params={{ id: a.reportId }}>
                        {a.agencyName}
                      </Link>
                    ) : (
                      <Link to="/agencies/$id" params={{ id: a.agencyId }}>
                        {a.agencyName}
                      </Link>
                    )}
                  </th>
                  <td>{formatDate(a.deadline, locale)}</td>
                  <td>{formatDate(a.publicationDate, locale)}</td>
                  <td className={a.status === "missing" ? "late" : undefined}>
                    {t(`status.${a.status}`)}
                    {a.daysLate ? ` · ${t("compliance.daysLate", { n: a.daysLate })}` : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

const route = getRouteApi("/compliance");
export function ComplianceRoute() {
  const { t } = useI18n();
  usePageHead({ title: t("compliance.title") });
  return <CompliancePage search={route.useSearch()} />;
}
