import { formatDate, useI18n } from "@gongkai/ui";
import { Link } from "@tanstack/react-router";
import type { PortalOutputs } from "../lib/api-types";

type Summary = PortalOutputs["reports"]["list"]["items"][number];

export function QualityBadge({
  quality,
  errors,
  warnings,
}: {
  quality: Summary["quality"];
  errors: number;
  warnings: number;
}) {
  const { t } = useI18n();
  if (!quality) return <span>—</span>;
  const n = quality === "errors" ? errors : quality === "warnings" ? warnings : 0;
  return (
    <span className={`quality quality-${quality}`}>
      {t(`quality.${quality}`)}
      {n > 0 ? ` ${n}` : ""}
    </span>
  );
}

/** Reports as a table: agency, year, publication, timeliness, data quality. */
export function ReportList({ items, showRegion = true }: { items: readonly Summary[]; showRegion?: boolean }) {
  const { t, locale } = useI18n();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t("col.agency")}</th>
            {showRegion && <th scope="col">{t("col.region")}</th>}
            <th scope="col">{t("col.year")}</th>
            <th scope="col">{t("col.published")}</th>
            <th scope="col">{t("col.onTime")}</th>
            <th scope="col">{t("col.quality")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.id}>
              <th scope="row">
                <Link to="/reports/$id" params={{ id: r.id }}>
                  {r.agency.name}
                </Link>
              </th>
              {showRegion && <td>{r.agency.regionName ?? r.agency.regionCode}</td>}
              <td>{r.year}</td>
              <td>{formatDate(r.publicationDate, locale)}</td>
              <td>
                {r.onTime === null ? "—" : r.onTime ? t("onTime.yes") : <span className="late">{t("onTime.no")}</span>}
              </td>
              <td>
                <QualityBadge quality={r.quality} errors={r.errors} warnings={r.warnings} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
