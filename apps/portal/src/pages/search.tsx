import { useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { SearchBox } from "../components/SearchBox";
import { usePageHead } from "../lib/head";
import { searchInput } from "../lib/queries";
import { useTrpc } from "../lib/trpc";

export function SearchPage({ q }: { q: string }) {
  const { t } = useI18n();
  return (
    <div className="page narrow">
      <h1>{q ? t("search.title", { q }) : t("search.label")}</h1>
      <SearchBox initial={q} key={q} />
      {q && <SearchResults q={q} />}
    </div>
  );
}

function SearchResults({ q }: { q: string }) {
  const { t } = useI18n();
  const trpc = useTrpc();
  const { data } = useSuspenseQuery(trpc.search.queryOptions(searchInput(q)));
  return (
    <>
      {data.hits.length === 0 ? (
        <p>{t("search.none", { q })}</p>
      ) : (
        <ol className="search-results">
          {data.hits.map((h) => (
            <li key={`${h.kind}-${h.reportId ?? h.agencyId}`}>
              {h.kind === "agency" ? (
                <>
                  <span className="tag">{t("search.agency")}</span>{" "}
                  <Link to="/agencies/$id" params={{ id: h.agencyId }}>
                    {h.title}
                  </Link>
                </>
              ) : (
                <>
                  <span className="tag">{t("search.report", { year: h.year ?? "" })}</span>{" "}
                  <Link to="/reports/$id" params={{ id: h.reportId ?? "" }}>
                    {h.title}
                  </Link>
                  {h.snippet && <p className="snippet">{h.snippet}</p>}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const route = getRouteApi("/search");
export function SearchRoute() {
  const { q } = route.useSearch();
  const { t } = useI18n();
  usePageHead({ title: q ? t("search.title", { q }) : t("search.submit") });
  return <SearchPage q={q} />;
}
