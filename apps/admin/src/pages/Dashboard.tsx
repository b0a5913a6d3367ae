import { formatDate, useI18n } from "@gongkai/ui";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { Badge, Button, Card, Col, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { Deadline, latestYear, PageTitle, RuleTitle, StateTag } from "../components/common";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { agencyMember, editorAgencies, isAdmin, isOversight, oversightRegions, regionPrefixOf } from "../lib/roles";
import { useTrpc } from "../lib/trpc";

type Summary = AdminOutputs["reports"]["list"]["items"][number];

export function DashboardPage() {
  const { t } = useI18n();
  const me = useMe();
  return (
    <div className="page">
      <PageTitle>{t("dashboard.title", { name: me.name })}</PageTitle>
      {agencyMember(me) && <MyReports />}
      {(isOversight(me) || isAdmin(me)) && <OversightOverview />}
    </div>
  );
}

/** Editors and approvers: their agency's reports by year, with state, deadline and open comments. */
function MyReports() {
  const { t, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const own = me.memberships
    .filter((m) => (m.role === "editor" || m.role === "approver") && m.agencyId)
    .map((m) => m.agencyId as string);
  const list = useQuery(trpc.reports.list.queryOptions({ page: 1, pageSize: 100 }));
  const mine = (list.data?.items ?? []).filter((r) => own.includes(r.agency.id));
  const year = latestYear();
  const missing = editorAgencies(me).filter((m) => !mine.some((r) => r.agency.id === m.agencyId && r.year === year));
  const waiting = mine.filter((r) => r.state === "submitted" || r.state === "approved");
  return (
    <section aria-labelledby="my-reports" className="gap">
      <Typography.Title level={2} id="my-reports">
        {t("dashboard.mine")}
      </Typography.Title>
      {missing.map((m) => (
        <Card key={m.agencyId} size="small" className="gap callout">
          <Space wrap>
            <span>{t("dashboard.notStarted", { agency: m.agencyName ?? "", year })}</span>
            <Link to="/reports/new" search={{ agency: m.agencyId ?? undefined, year }}>
              <Button type="primary">{t("dashboard.start", { year })}</Button>
            </Link>
          </Space>
        </Card>
      ))}
      {waiting.length > 0 && (
        <p>
          <Badge status="processing" /> {t("dashboard.waiting", { n: waiting.length })}
        </p>
      )}
      <Table<Summary>
        rowKey="id"
        loading={list.isLoading}
        dataSource={mine}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: list.error ? describeError(list.error, locale) : <Empty description={t("dashboard.noReports")} />,
        }}
        columns={[
          {
            title: t("col.report"),
            key: "report",
            render: (_, r) => (
              <Link to="/reports/$id" params={{ id: r.id }}>
                {r.agency.name} · {r.year}
              </Link>
            ),
          },
          { title: t("col.state"), key: "state", render: (_, r) => <StateTag state={r.state} /> },
          {
            title: t("col.deadline"),
            key: "deadline",
            render: (_, r) => <Deadline deadline={r.deadline} done={r.latestVersion > 0} />,
          },
          {
            title: t("col.quality"),
            key: "quality",
            render: (_, r) => (
              <Space size={4}>
                {r.errors > 0 && <Tag color="error">{t("quality.errors", { n: r.errors })}</Tag>}
                {r.warnings > 0 && <Tag color="warning">{t("quality.warnings", { n: r.warnings })}</Tag>}
                {r.errors === 0 && r.warnings === 0 && <Tag color="success">{t("quality.ok")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("col.comments"),
            key: "comments",
            render: (_, r) => (r.openComments ? <Badge count={r.openComments} color="#b3261e" /> : "—"),
          },
          { title: t("col.updated"), key: "updated", render: (_, r) => formatDate(r.updatedAt, locale) },
        ]}
      />
    </section>
  );
}

/** Oversight and admins: this year's compliance, data quality and what happened lately. */
function OversightOverview() {
  const { t, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const year = latestYear();
  const region = oversightRegions(me)[0];
  const regionPrefix = isAdmin(me) || !region ? undefined : regionPrefixOf(region.code);
  const board = useQuery(trpc.compliance.board.queryOptions({ year, regionPrefix }));
  const quality = useQuery(trpc.quality.board.queryOptions({ year, regionPrefix }));
  const review = useQuery(trpc.reports.list.queryOptions({ page: 1, pageSize: 1, state: "submitted", year }));
  const approved = useQuery(trpc.reports.list.queryOptions({ page: 1, pageSize: 1, state: "approved", year }));
  const activity = useQuery(trpc.audit.list.queryOptions({ page: 1, pageSize: 8 }));
  const totals = board.data?.totals;
  return (
    <section aria-labelledby="oversight" className="gap">
      <Typography.Title level={2} id="oversight">
        {t("dashboard.oversight", { year, region: region?.name ?? t("dashboard.allRegions") })}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {(
          [
            ["due", totals?.due],
            ["published", totals?.published],
            ["onTime", totals?.onTime],
            ["late", totals?.late],
            ["missing", totals?.missing],
            ["submitted", review.data?.total],
            ["approved", approved.data?.total],
          ] as const
        ).map(([key, value]) => (
          <Col xs={12} sm={8} md={6} xl={3} key={key}>
            <Card size="small">
              <Statistic title={t(`board.${key}`)} value={value ?? "—"} loading={board.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <p className="gap">
        <Link to="/compliance" search={{ year }}>
          {t("dashboard.toCompliance")}
        </Link>{" "}
        ·{" "}
        <Link to="/quality" search={{ year }}>
          {t("dashboard.toQuality")}
        </Link>
      </p>
      <Row gutter={[16, 16]} className="gap">
        <Col xs={24} lg={12}>
          <Card title={t("dashboard.topRules")} size="small">
            {quality.data && quality.data.rules.length === 0 ? (
              <Empty description={t("quality.none")} />
            ) : (
              <List
                loading={quality.isLoading}
                dataSource={(quality.data?.rules ?? []).slice(0, 6)}
                renderItem={(r) => (
                  <List.Item>
                    <Space>
                      <Tag color={r.severity === "error" ? "error" : "warning"}>{r.ruleId}</Tag>
                      <RuleTitle id={r.ruleId} />
                    </Space>
                    <span>{t("quality.reports", { n: r.reports })}</span>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t("dashboard.activity")}
            size="small"
            extra={<Link to="/audit">{t("dashboard.allActivity")}</Link>}
          >
            <List
              loading={activity.isLoading}
              dataSource={activity.data?.items ?? []}
              locale={{ emptyText: activity.error ? describeError(activity.error, locale) : t("audit.none") }}
              renderItem={(a) => (
                <List.Item>
                  <span>
                    <strong>{a.actorName ?? t("audit.system")}</strong> {t(`action.${a.action}`)}{" "}
                    <code>{a.entityId}</code>
                  </span>
                  <Typography.Text type="secondary">{formatDate(a.at, locale)}</Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
