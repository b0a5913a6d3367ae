import type { Locale } from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Form, Input, Select, Tag, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { regionPrefixOf } from "../lib/roles";
import { useTrpc } from "../lib/trpc";
import { yearOptions } from "./common";

type RegionNode = AdminOutputs["regions"]["tree"][number];
type Membership = AdminOutputs["users"]["list"]["items"][number]["memberships"][number];

/** The region a 2-, 4- or 6-digit prefix selects, as a six-digit code: "51" → "510000". */
export const regionCodeOfPrefix = (prefix: string) => prefix.padEnd(6, "0");

/** Does an oversight region (six digits) cover this region code? */
export const covers = (oversightCode: string, code: string) => code.startsWith(regionPrefixOf(oversightCode));

/**
 * A schema's own issues in the shape describeError reads from the API, so errors found in the
 * browser and on the server read the same.
 */
export function issuesError(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  return { data: { issues: issues.map((i) => ({ path: i.path.map(String), message: i.message })) } };
}

/** The first message of a schema issue in the reader's language (schema messages are "en / 中文"). */
export function issueText(message: string, locale: Locale): string {
  const [en, zh] = message.split(" / ");
  return locale === "zh" ? (zh ?? en ?? message) : (en ?? message);
}

export function ErrorAlert({ error, className }: { error: unknown; className?: string }) {
  const { locale } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={describeError(error, locale)}
      className={className ?? "gap-small"}
    />
  );
}

/** A moment in Beijing time: 2025年3月1日 14:05 / 1 Mar 2025 14:05. */
export function formatDateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "zh" ? "zh-CN" : "en-GB", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: locale === "zh" ? "long" : "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

export function useRegionTree() {
  const trpc = useTrpc();
  return useQuery({ ...trpc.regions.tree.queryOptions(), staleTime: 10 * 60_000 });
}

/** Region names by code, from the tree. */
export function useRegionNames(): Map<string, string> {
  const tree = useRegionTree().data;
  return useMemo(() => {
    const names = new Map<string, string>();
    const walk = (nodes: readonly RegionNode[]) => {
      for (const n of nodes) {
        names.set(n.code, n.name);
        walk(n.children);
      }
    };
    walk(tree ?? []);
    return names;
  }, [tree]);
}

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

/** The tree, cut down to the regions `within` covers (their subtrees), when given. */
function treeOptions(nodes: readonly RegionNode[], within: readonly string[] | undefined): TreeOption[] {
  const toOption = (n: RegionNode): TreeOption => ({
    value: n.code,
    title: `${n.name} ${n.code}`,
    children: n.children.map(toOption),
  });
  if (!within) return nodes.map(toOption);
  const out: TreeOption[] = [];
  const walk = (list: readonly RegionNode[]) => {
    for (const n of list) {
      if (within.some((w) => covers(w, n.code))) out.push(toOption(n));
      else walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Pick one administrative division; `within` limits it to the regions someone oversees. */
export function RegionPicker({
  value,
  onChange,
  within,
  id,
  placeholder,
  allowClear = true,
}: {
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  within?: readonly string[] | undefined;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
}) {
  const tree = useRegionTree();
  const options = useMemo(() => treeOptions(tree.data ?? [], within), [tree.data, within]);
  return (
    <TreeSelect<string>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={options}
      loading={tree.isLoading}
      allowClear={allowClear}
      placeholder={placeholder}
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandedKeys={value ? [`${value.slice(0, 2)}0000`, `${value.slice(0, 4)}00`] : undefined}
      popupMatchSelectWidth={false}
      style={{ width: "100%", minWidth: "12rem" }}
    />
  );
}

/** The year and region filters of the oversight boards; the region as a prefix, as the URL keeps it. */
export function YearRegionFilters({
  idPrefix,
  year,
  region,
  onChange,
  within,
  placeholder,
  allowClear,
}: {
  idPrefix: string;
  year: number;
  region: string | undefined;
  onChange: (next: { year?: number; region?: string | undefined }) => void;
  within: readonly string[] | undefined;
  placeholder: string;
  allowClear?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Form layout="inline" className="filters" aria-label={t("manage.filters")}>
      <Form.Item label={t("common.year")} htmlFor={`${idPrefix}-year`}>
        <Select
          id={`${idPrefix}-year`}
          value={year}
          onChange={(v: number) => onChange({ year: v })}
          options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
          style={{ width: "7rem" }}
        />
      </Form.Item>
      <Form.Item label={t("common.region")} htmlFor={`${idPrefix}-region`}>
        <RegionPicker
          id={`${idPrefix}-region`}
          value={region ? regionCodeOfPrefix(region) : undefined}
          onChange={(code) => onChange({ region: code ? regionPrefixOf(code) : undefined })}
          within={within}
          placeholder={placeholder}
          {...(allowClear === undefined ? {} : { allowClear })}
        />
      </Form.Item>
    </Form>
  );
}

/** The search box of a management list; the query lives in the URL (`?q=`), set on Enter or the button. */
export function SearchBox({
  id,
  label,
  placeholder,
  value,
  onSearch,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <search className="filters">
      <Form.Item label={label} htmlFor={id}>
        <Input.Search
          id={id}
          key={value ?? ""}
          defaultValue={value}
          allowClear
          placeholder={placeholder}
          enterButton={t("common.search")}
          onSearch={(v) => onSearch(v.trim() || undefined)}
          style={{ width: "min(28rem, 100%)" }}
        />
      </Form.Item>
    </search>
  );
}

/** Pick an agency by searching its name or id (the console's agency list). */
export function AgencyPicker({
  value,
  onChange,
  exclude,
  activeOnly,
  id,
  placeholder,
}: {
  value?: string | null | undefined;
  onChange?: (id: string | undefined) => void;
  exclude?: string | undefined;
  activeOnly?: boolean;
  id?: string;
  placeholder?: string;
}) {
  const { t } = useI18n();
  const trpc = useTrpc();
  const [query, setQuery] = useState("");
  const list = useQuery(
    trpc.agencies.list.queryOptions({
      query: query.trim() || undefined,
      pageSize: 30,
      status: activeOnly ? "active" : undefined,
    }),
  );
  // The chosen agency may not be on the current page of results: name it anyway.
  const chosen = useQuery(trpc.agencies.get.queryOptions(value ? { id: value } : skipToken));
  const options = (list.data?.items ?? [])
    .filter((a) => a.id !== exclude)
    .map((a) => ({ value: a.id, label: `${a.name}（${a.regionName ?? a.regionCode}）` }));
  if (value && chosen.data && !options.some((o) => o.value === value))
    options.unshift({ value, label: chosen.data.name });
  return (
    <Select<string>
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      options={options}
      loading={list.isFetching}
      allowClear
      placeholder={placeholder ?? t("manage.agencySearch")}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      notFoundContent={list.isFetching ? t("manage.loading") : t("manage.noMatch")}
      style={{ width: "100%" }}
    />
  );
}

const roleColors: Record<string, string> = { editor: "blue", approver: "cyan", oversight: "purple", admin: "red" };

/** "编辑 · 四川省财政厅", "监督 · 四川省". */
export function MembershipTag({ m }: { m: Membership }) {
  const { t } = useI18n();
  const where = m.agencyName ?? m.agencyId ?? m.regionName ?? m.regionCode;
  return (
    <Tag color={roleColors[m.role] ?? "default"}>
      {t(`role.${m.role}`)}
      {where ? ` · ${where}` : ""}
    </Tag>
  );
}
