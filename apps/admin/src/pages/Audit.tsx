import { useI18n } from "@gongkai/ui";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Alert, Button, Col, DatePicker, Empty, Form, Input, Row, Select, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { PageTitle } from "../components/common";
import { ErrorAlert, formatDateTime, useRegionNames } from "../components/manage";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { adminMessages } from "../lib/messages";
import { isAdmin, isOversight } from "../lib/roles";
import { useTrpc } from "../lib/trpc";

const route = getRouteApi("/app/audit");
const PAGE_SIZE = 25;

type Entry = AdminOutputs["audit"]["list"]["items"][number];
type Search = ReturnType<typeof route.useSearch>;

/** Every action the console has a label for ("report.publish", …), grouped by what it acts on. */
const knownActions = Object.keys(adminMessages.zh)
  .filter((k) => k.startsWith("action."))
  .map((k) => k.slice("action.".length));
const actionGroups = [...new Set(knownActions.map((a) => a.split(".")[0] as string))];

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Beijing dates in the URL; the API takes instants. */
const startOf = (day: string) => `${day}T00:00:00+08:00`;
const endOf = (day: string) => `${day}T23:59:59.999+08:00`;

/** Admins (everything) and oversight (their regions): who did what, when, and what it changed. */
export function AuditPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const search = route.useSearch();
  const page = search.page ?? 1;
  const allowed = isAdmin(me) || isOversight(me);
  const list = useQuery({
    ...trpc.audit.list.queryOptions({
      page,
      pageSize: PAGE_SIZE,
      actorId: search.actor,
      action: search.action,
      entityId: search.entity,
      from: search.from ? startOf(search.from) : undefined,
      to: search.to ? endOf(search.to) : undefined,
    }),
    enabled: allowed,
  });
  const names = useRegionNames();
  if (!allowed) return <Alert type="info" showIcon title={t("manage.forOversight")} />;
  // A new filter starts again at page 1.
  const go = (next: Partial<Search>) =>
    void navigate({ to: "/audit", search: { ...search, page: undefined, ...next } });
  const filtered = Boolean(search.actor || search.action || search.entity || search.from || search.to);
  const actionLabel = (a: string) => (knownActions.includes(a) ? t(`action.${a}`) : a);
  const entityTypeLabel = (type: string) => {
    const key = `audit.entityType.${type}`;
    return t(key) === key ? type : t(key);
  };
  const entity = (e: Entry) => {
    if (e.entityType === "report")
      return (
        <Link to="/reports/$id" params={{ id: e.entityId }}>
          <code>{e.entityId}</code>
        </Link>
      );
    if (e.entityType === "agency" && isAdmin(me))
      return (
        <Link to="/agencies" search={{ q: e.entityId }}>
          <code>{e.entityId}</code>
        </Link>
      );
    if (e.entityType === "region") return `${names.get(e.entityId) ?? ""} ${e.entityId}`;
    return <code>{e.entityId}</code>;
  };
  return (
    <div className="page">
      <PageTitle>{t("audit.title")}</PageTitle>
      <Form layout="vertical" className="audit-filters" role="search" aria-label={t("manage.filters")}>
        <Row gutter={12}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t("audit.who")} htmlFor="audit-actor">
              <ActorPicker
                id="audit-actor"
                value={search.actor}
                rows={list.data?.items ?? []}
                onChange={(actor) => go({ actor })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item label={t("audit.what")} htmlFor="audit-action">
              <Select
                id="audit-action"
                value={search.action}
                onChange={(action?: string) => go({ action })}
                allowClear
                placeholder={t("common.all")}
                showSearch={{ optionFilterProp: "label" }}
                options={actionGroups.map((g) => ({
                  label: capitalise(t(`audit.group.${g}`)),
                  title: capitalise(t(`audit.group.${g}`)),
                  options: [
                    { value: `${g}.`, label: t("audit.groupAll", { group: t(`audit.group.${g}`) }) },
                    ...knownActions
                      .filter((a) => a.startsWith(`${g}.`))
                      .map((a) => ({ value: a, label: actionLabel(a) })),
                  ],
                }))}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <Form.Item label={t("audit.entity")} htmlFor="audit-entity">
              <Input.Search
                id="audit-entity"
                key={search.entity ?? ""}
                defaultValue={search.entity}
                allowClear
                placeholder={t("audit.entityPlaceholder")}
                onSearch={(v) => go({ entity: v.trim() || undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={7}>
            <Form.Item label={t("audit.when")} htmlFor="audit-from">
              <DatePicker.RangePicker
                id={{ start: "audit-from", end: "audit-to" }}
                value={[search.from ? dayjs(search.from) : null, search.to ? dayjs(search.to) : null]}
                allowEmpty={[true, true]}
                onChange={(range) =>
                  go({
                    from: range?.[0] ? range[0].format("YYYY-MM-DD") : undefined,
                    to: range?.[1] ? range[1].format("YYYY-MM-DD") : undefined,
                  })
                }
                placeholder={[t("audit.from"), t("audit.to")]}
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        </Row>
        {filtered && (
          <Button onClick={() => void navigate({ to: "/audit", search: {} })} className="gap-small">
            {t("audit.clearFilters")}
          </Button>
        )}
      </Form>
      <ErrorAlert error={list.error} />
      <Table<Entry>
        className="gap"
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: list.error ? describeError(list.error, locale) : <Empty description={t("audit.none")} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t("manage.total", { n }),
          onChange: (p) => void navigate({ to: "/audit", search: { ...search, page: p > 1 ? p : undefined } }),
        }}
        expandable={{
          rowExpandable: (e) => e.before != null || e.after != null,
          expandedRowRender: (e) => <Changes entry={e} />,
        }}
        columns={[
          {
            title: t("audit.when"),
            key: "at",
            render: (_, e) => <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time>,
          },
          {
            title: t("audit.who"),
            key: "who",
            render: (_, e) =>
              e.actorId ? (
                <Button
                  type="link"
                  className="link-inline"
                  onClick={() => go({ actor: e.actorId ?? undefined })}
                  title={t("audit.onlyThisActor")}
                >
                  {e.actorName ?? e.actorId}
                </Button>
              ) : (
                <Typography.Text type="secondary">{t("audit.system")}</Typography.Text>
              ),
          },
          {
            title: t("audit.what"),
            key: "what",
            render: (_, e) => (
              <span>
                {actionLabel(e.action)} <Tag className="tag-after">{e.action}</Tag>
              </span>
            ),
          },
          {
            title: t("audit.entity"),
            key: "entity",
            render: (_, e) => (
              <span>
                <Typography.Text type="secondary">{entityTypeLabel(e.entityType)}</Typography.Text> {entity(e)}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}

function Json({ value }: { value: unknown }) {
  const { t } = useI18n();
  if (value == null) return <Typography.Text type="secondary">{t("audit.nothing")}</Typography.Text>;
  return <pre className="json">{JSON.stringify(value, null, 2)}</pre>;
}

function Changes({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Typography.Title level={4} className="json-title">
          {t("audit.before")}
        </Typography.Title>
        <Json value={entry.before} />
      </Col>
      <Col xs={24} md={12}>
        <Typography.Title level={4} className="json-title">
          {t("audit.after")}
        </Typography.Title>
        <Json value={entry.after} />
      </Col>
      {entry.requestId && (
        <Col xs={24}>
          <Typography.Text type="secondary">
            {t("audit.request")} <code>{entry.requestId}</code>
          </Typography.Text>
        </Col>
      )}
    </Row>
  );
}

/** Admins search every user; oversight picks among the people in the entries it sees. */
function ActorPicker({
  id,
  value,
  rows,
  onChange,
}: {
  id: string;
  value: string | undefined;
  rows: readonly Entry[];
  onChange(actor: string | undefined): void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const admin = isAdmin(me);
  const [query, setQuery] = useState("");
  const users = useQuery({
    ...trpc.users.list.queryOptions({ query: query.trim() || undefined, pageSize: 20 }),
    enabled: admin,
  });
  const options = new Map<string, string>();
  for (const u of users.data?.items ?? []) options.set(u.id, `${u.name} · ${u.email}`);
  for (const e of rows) if (e.actorId && !options.has(e.actorId)) options.set(e.actorId, e.actorName ?? e.actorId);
  if (value && !options.has(value)) options.set(value, rows.find((e) => e.actorId === value)?.actorName ?? value);
  return (
    <Select<string>
      id={id}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      allowClear
      placeholder={t("common.all")}
      loading={users.isFetching}
      showSearch={admin ? { filterOption: false, onSearch: setQuery } : { optionFilterProp: "label" }}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
      style={{ width: "100%" }}
    />
  );
}
