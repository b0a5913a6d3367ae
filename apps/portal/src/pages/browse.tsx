import { agencyLevels } from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { Pagination } from "../components/Pagination";
import { ReportList } from "../components/ReportList";
import type { PortalOutputs } from "../lib/api-types";
import { latestYear, useApp } from "../lib/app-context";
import { usePageHead } from "../lib/head";
import { type BrowseSearch, browseInput, reportSorts } from "../lib/queries";
import { useTrpc } from "../lib/trpc";

type RegionNode = PortalOutputs["regions"]["tree"][number];
const prefixOf = (code: string) =>
  code.endsWith("0000") ? code.slice(0, 2) : code.endsWith("00") ? code.slice(0, 4) : code;

function RegionTree({
  nodes,
  selected,
  search,
}: {
  nodes: readonly RegionNode[];
  selected: string | undefined;
  search: BrowseSearch;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<Set<string>>(
    () => new Set(nodes.filter((n) => selected?.startsWith(prefixOf(n.code))).map((n) => n.code)),
  );
  const toggle = (code: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });
  return (
    <ul className="region-tree">
      {nodes.map((n) => {
        const prefix = prefixOf(n.code);
        const expanded = open.has(n.code);
        return (
          <li key={n.code}>
            {n.children.length > 0 && (
              <button
                type="button"
                className="tree-toggle"
                aria-expanded={expanded}
                aria-label={t(expanded ? "browse.collapse" : "browse.expand", { name: n.name })}
                onClick={() => toggle(n.code)}
              >
                {expanded ? "−" : "+"}
              </button>
            )}
            <Link
              to="/browse"
              search={{ ...search, region: prefix, page: undefined }}
              aria-current={selected === prefix ? "true" : undefined}
              className={selected === prefix ? "active" : undefined}
            >
              {n.name}
            </Link>
            {expanded && n.children.length > 0 && <RegionTree nodes={n.children} selected={selected} search={search} />}
          </li>
        );
      })}
    </ul>
  );
}

export function BrowsePage({ search }: { search: BrowseSearch }) {
  const { t } = useI18n();
  const { today } = useApp();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const tree = useSuspenseQuery(trpc.regions.tree.queryOptions()).data;
  const list = useSuspenseQuery(trpc.reports.list.queryOptions(browseInput(search))).data;
  const years = Array.from({ length: latestYear(today) - 2018 }, (_, i) => latestYear(today) - i);
  const set = (patch: Partial<BrowseSearch>) =>
    void navigate({ to: "/browse", search: { ...search, ...patch, page: undefined } });
  return (
    <div className="page">
      <h1>{t("browse.title")}</h1>
      <div className="browse-layout">
        <nav className="browse-regions" aria-label={t("browse.regions")}>
          <h2>{t("browse.regions")}</h2>
          <Link
            to="/browse"
            search={{ ...search, region: undefined, page: undefined }}
            className={search.region ? undefined : "active"}
          >
            {t("browse.allRegions")}
          </Link>
          <RegionTree nodes={tree} selected={search.region} search={search} />
        </nav>
        <div className="browse-main">
          <form className="filters" method="get" action="/browse" aria-label={t("browse.filters")}>
            {search.region && <input type="hidden" name="region" value={search.region} />}
            <label>
              {t("browse.year")}
              <select
                name="year"
                value={search.year ?? ""}
                onChange={(e) => set({ year: e.target.value ? Number(e.target.value) : undefined })}
              >
                <option value="">{t("browse.any")}</option>
                {years.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("browse.level")}
              <select
                name="level"
                value={search.level ?? ""}
                onChange={(e) => set({ level: (e.target.value || undefined) as BrowseSearch["level"] })}
              >
                <option value="">{t("browse.any")}</option>
                {agencyLevels.map((l) => (
                  <option key={l} value={l}>
                    {t(`level.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("browse.edition")}
              <select
                name="edition"
                value={search.edition ?? ""}
                onChange={(e) => set({ edition: e.target.value ? (Number(e.target.value) as 2019 | 2021) : undefined })}
              >
                <option value="">{t("browse.any")}</option>
                <option value="2019">2019</option>
                <option value="2021">2021</option>
              </select>
            </label>
            <label>
              {t("browse.quality")}
              <select
                name="quality"
                value={search.quality ?? ""}
                onChange={(e) => set({ quality: (e.target.value || undefined) as BrowseSearch["quality"] })}
              >
                <option value="">{t("browse.any")}</option>
                {(["ok", "warnings", "errors"] as const).map((q) => (
                  <option key={q} value={q}>
                    {t(`quality.${q}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("browse.sort")}
              <select
                name="sort"
                value={search.sort ?? "year_desc"}
                onChange={(e) => set({ sort: e.target.value as BrowseSearch["sort"] })}
              >
                {reportSorts.map((s) => (
                  <option key={s} value={s}>
                    {t(`sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <noscript>
              <button type="submit">{t("browse.apply")}</button>
            </noscript>
          </form>
          <p role="status">{t("browse.count", { n: list.total })}</p>
          {list.items.length === 0 ? <p>{t("browse.none")}</p> : <ReportList items={list.items} />}
          <Pagination
            page={list.page}
            total={list.total}
            pageSize={list.pageSize}
            to="/browse"
            search={search as Record<string, unknown>}
          />
        </div>
      </div>
    </div>
  );
}

const route = getRouteApi("/browse");
export function BrowseRoute() {
  const { t } = useI18n();
  usePageHead({ title: t("browse.title") });
  return <BrowsePage search={route.useSearch()} />;
}
