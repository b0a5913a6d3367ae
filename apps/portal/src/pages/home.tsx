import { defaultDeadlines } from "@gongkai/schema/meta";
import { formatCount, formatDate, formatShare, useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { ReportList } from "../components/ReportList";
import { SearchBox } from "../components/SearchBox";
import { Sparkline } from "../components/Sparkline";
import { latestYear, useApp } from "../lib/app-context";
import { usePageHead } from "../lib/head";
import { homeQueries } from "../lib/queries";
import { useTrpc } from "../lib/trpc";

/** The next publication deadline after today, from the national defaults. */
function nextDeadline(today: string): { date: string; who: string } {
  const year = Number(today.slice(0, 4));
  const candidates = [
    { md: defaultDeadlines.default, who: "departments" },
    { md: defaultDeadlines.consolidated.county, who: "county" },
    { md: defaultDeadlines.consolidated.prefecture, who: "prefecture" },
    { md: defaultDeadlines.consolidated.provincial, who: "province" },
  ];
  for (const y of [year, year + 1]) {
    for (const c of candidates) {
      const date = `${y}-${c.md}`;
      if (date >= today) return { date, who: c.who };
    }
  }
  return { date: `${year + 1}-01-31`, who: "departments" };
}

export function HomePage() {
  const { t, locale } = useI18n();
  const { today } = useApp();
  usePageHead({});
  const trpc = useTrpc();
  const year = latestYear(today);
  const [complianceQuery, receivedQuery, grantedQuery, latestQuery] = homeQueries(trpc, today);
  const compliance = useSuspenseQuery(complianceQuery);
  const received = useSuspenseQuery(receivedQuery);
  const granted = useSuspenseQuery(grantedQuery);
  const latest = useSuspenseQuery(latestQuery);
  const totals = compliance.data.totals;
  const point = (s: SeriesData) => s.points.find((p) => p.key === String(year));
  const deadline = nextDeadline(today);
  const days = Math.round((Date.parse(deadline.date) - Date.parse(today)) / 86_400_000);
  const who = t(`home.deadline.${deadline.who}`);
  return (
    <div className="page">
      <section className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <SearchBox />
        <p className="deadline-note">
          {days === 0
            ? t("home.deadlineToday", { date: formatDate(deadline.date, locale), who })
            : t("home.deadline", { days, date: formatDate(deadline.date, locale), who })}
        </p>
      </section>
      <section aria-labelledby="figures">
        <h2 id="figures">{t("home.figures", { year })}</h2>
        <ul className="figures">
          <li>
            <span className="figure-label">{t("home.published")}</span>
            <span className="figure-value">{formatCount(totals.published, locale)}</span>
            <span className="figure-note">{t("home.due", { n: formatCount(totals.due, locale) })}</span>
          </li>
          <li>
            <span className="figure-label">{t("home.onTime")}</span>
            <span className="figure-value">
              {formatShare(totals.published ? totals.onTime / totals.published : null, locale)}
            </span>
            <span className="figure-note">
              {formatCount(totals.onTime, locale)} / {formatCount(totals.published, locale)}
            </span>
          </li>
          <li>
            <span className="figure-label">{t("home.applications")}</span>
            <span className="figure-value">{formatCount(point(received.data)?.value as number | null, locale)}</span>
            <Sparkline
              values={received.data.points.map((p) => p.value as number | null)}
              label={`${t("home.applications")} ${t("home.trend")}`}
            />
          </li>
          <li>
            <span className="figure-label">{t("home.granted")}</span>
            <span className="figure-value">{formatShare(point(granted.data)?.value as number | null, locale)}</span>
            <Sparkline
              values={granted.data.points.map((p) => p.value as number | null)}
              label={`${t("home.granted")} ${t("home.trend")}`}
            />
          </li>
        </ul>
      </section>
      <section aria-labelledby="latest">
        <h2 id="latest">{t("home.latest")}</h2>
        <ReportList items={latest.data.items} />
        <p>
          <Link to="/browse" className="button">
            {t("home.all")}
          </Link>
        </p>
      </section>
    </div>
  );
}

type SeriesData = { points: { key: string; value: number | string | null }[] };
