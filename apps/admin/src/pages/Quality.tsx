import { type RuleId, ruleById } from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { Alert, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from "antd";
import { latestYear, PageTitle, RuleTitle, StateTag } from "../components/common";
import { ErrorAlert, YearRegionFilters } from "../components/manage";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { isAdmin, isOversight, oversightRegions } from "../lib/roles";
import { useTrpc } from "../lib/trpc";

const route = getRouteApi("/app/quality");

type Quality = AdminOutputs["quality"]["board"];
type RuleRow = Quality["rules"][number];
type ReportRow = Quality["items"][number];

function Severity({ severity }: { severity: "error" | "warning" }) {
  const { t } = useI18n();
  return <Tag color={severity === "error" ? "error" : "warning"}>{t(`quality.severity.${severity}`)}</Tag>;
}

/** Oversight and admins: which published or submitted reports fail the rules, and which rules fail most. */
export function QualityPage() {
  const { t, l, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const search = route.useSearch();
  const year = search.year ?? latestYear();
  const admin = isAdmin(me);
  const mine = oversightRegions(me);
  const allowed = admin || isOversight(me);
  const board = useQuery({
    ...trpc.quality.board.queryOptions({ year, regionPrefix: search.region }),
    enabled: allowed,
  });
  if (!allowed) return <Alert type="info" showIcon title={t("manage.forOversight")} />;
  const go = (next: { year?: number | undefined; region?: string | undefined }) =>
    void navigate({ to: "/quality", search: { year: search.year, region: search.region, ...next } });
  const data = board.data;
  return (
    <div className="page">
      <PageTitle>{t("qualityPage.title")}</PageTitle>
      <Typography.Paragraph type="secondary">{t("qualityPage.intro")}</Typography.Paragraph>
      <YearRegionFilters
        idPrefix="quality"
        year={year}
        region={search.region}
        onChange={go}
        within={admin ? undefined : mine.map((m) => m.code)}
        placeholder={admin ? t("dashboard.allRegions") : t("qualityPage.myRegions")}
      />
      <ErrorAlert error={board.error} />
      <Row gutter={[12, 12]} className="gap">
        {(
          [
            ["reports", data?.reports],
            ["withErrors", data?.withErrors],
            ["withWarnings", data?.withWarnings],
          ] as const
        ).map(([key, value]) => (
          <Col xs={24} sm={8} key={key}>
            <Card size="small">
              <Statistic title={t(`qualityPage.${key}`)} value={value ?? "—"} loading={board.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Title level={2} className="section-heading">
        {t("dashboard.topRules")}
      </Typography.Title>
      <Table<RuleRow>
        rowKey={(r) => `${r.ruleId}:${r.severity}`}
        size="small"
        loading={board.isLoading}
        dataSource={data?.rules ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: board.error ? describeError(board.error, locale) : <Empty description={t("quality.none")} />,
        }}
        columns={[
          { title: t("qualityPage.rule"), key: "id", render: (_, r) => <code>{r.ruleId}</code> },
          { title: t("qualityPage.ruleTitle"), key: "title", render: (_, r) => <RuleTitle id={r.ruleId} /> },
          { title: t("qualityPage.severity"), key: "severity", render: (_, r) => <Severity severity={r.severity} /> },
          { title: t("qualityPage.reportsFailing"), dataIndex: "reports", align: "right" },
        ]}
      />
      <Typography.Title level={2} className="section-heading">
        {t("qualityPage.reportsWithFindings", { n: data?.items.length ?? 0 })}
      </Typography.Title>
      {data && data.items.length >= 200 && (
        <Typography.Paragraph type="secondary">{t("qualityPage.capped")}</Typography.Paragraph>
      )}
      <Table<ReportRow>
        rowKey="id"
        size="small"
        loading={board.isLoading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={t("qualityPage.noFindings")} /> }}
        columns={[
          {
            title: t("compliance.agency"),
            key: "agency",
            render: (_, r) => (
              <Link to="/reports/$id" params={{ id: r.id }}>
                {r.agency.name}
              </Link>
            ),
          },
          { title: t("common.region"), key: "region", render: (_, r) => r.agency.regionName ?? r.agency.regionCode },
          { title: t("col.state"), key: "state", render: (_, r) => <StateTag state={r.state} /> },
          {
            title: t("qualityPage.errors"),
            dataIndex: "errors",
            align: "right",
            render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          { title: t("qualityPage.warnings"), dataIndex: "warnings", align: "right" },
          {
            title: t("qualityPage.failingRules"),
            key: "rules",
            render: (_, r) =>
              r.rules.length ? (
                <Space size={[4, 4]} wrap>
                  {r.rules.map((id) => {
                    const rule = ruleById[id as RuleId];
                    return (
                      <Tooltip key={id} title={rule ? l(rule.title) : id}>
                        <Tag color={rule?.severity === "error" ? "error" : "warning"} tabIndex={0}>
                          {id}
                        </Tag>
                      </Tooltip>
                    );
                  })}
                </Space>
              ) : (
                <Typography.Text type="secondary">
                  {r.latestVersion > 0 ? "—" : t("qualityPage.unpublished")}
                </Typography.Text>
              ),
          },
        ]}
      />
    </div>
  );
}
