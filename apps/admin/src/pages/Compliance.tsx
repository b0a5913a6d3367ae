import { DeadlineRuleInputSchema } from "@gongkai/schema";
import { agencyLevelLabels, agencyLevels, type DeadlineConfig, defaultDeadlines } from "@gongkai/schema/meta";
import { formatDate, formatShare, useI18n } from "@gongkai/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Form,
  type FormInstance,
  Input,
  Modal,
  Popconfirm,
  Row,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { latestYear, PageTitle, StateTag } from "../components/common";
import {
  covers,
  ErrorAlert,
  formatDateTime,
  issuesError,
  issueText,
  RegionPicker,
  regionCodeOfPrefix,
  useRegionNames,
  YearRegionFilters,
} from "../components/manage";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { isAdmin, isOversight, oversightRegions, regionPrefixOf } from "../lib/roles";
import { useTrpc } from "../lib/trpc";

const route = getRouteApi("/app/compliance");

type Board = AdminOutputs["compliance"]["board"];
type RegionRow = Board["regions"][number];
type AgencyRow = Board["agencies"][number];
type Rule = AdminOutputs["deadlines"]["list"][number];

const statusOrder = ["missing", "late", "in_review", "pending", "on_time"] as const;
const statusColors: Record<string, string> = {
  on_time: "success",
  late: "warning",
  missing: "error",
  pending: "default",
  in_review: "processing",
};

/** Oversight (their regions) and admins (everywhere): who published on time, late, or not at all. */
export function CompliancePage() {
  const { t } = useI18n();
  const me = useMe();
  if (!isOversight(me) && !isAdmin(me)) return <Alert type="info" showIcon title={t("manage.forOversight")} />;
  return (
    <div className="page">
      <PageTitle>{t("compliance.title")}</PageTitle>
      <ComplianceBoard />
      <DeadlineRules />
    </div>
  );
}

function ComplianceBoard() {
  const { t, l, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const search = route.useSearch();
  const year = search.year ?? latestYear();
  const admin = isAdmin(me);
  const mine = oversightRegions(me);
  const board = useQuery(trpc.compliance.board.queryOptions({ year, regionPrefix: search.region }));
  const names = useRegionNames();
  // The server picks the viewer's own region when none is asked for.
  const prefix = board.data?.regionPrefix ?? search.region ?? null;
  const go = (next: { year?: number | undefined; region?: string | undefined }) =>
    void navigate({ to: "/compliance", search: { year: search.year, region: search.region, ...next } });
  const regionName = (p: string) => names.get(regionCodeOfPrefix(p)) ?? p;
  // Drill-down trail: the current region and those above it that the viewer may look at.
  const trail = prefix ? [...new Set([prefix.slice(0, 2), prefix.slice(0, 4), prefix])] : [];
  const visible = trail.filter((p) => admin || mine.some((m) => p.startsWith(regionPrefixOf(m.code))));
  const totals = board.data?.totals;
  const agencies = [...(board.data?.agencies ?? [])].sort(
    (a, b) =>
      statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) ||
      (b.daysLate ?? 0) - (a.daysLate ?? 0) ||
      a.agencyName.localeCompare(b.agencyName, "zh"),
  );
  const columns: TableColumnsType<AgencyRow> = [
    {
      title: t("compliance.agency"),
      key: "agency",
      render: (_, a) =>
        a.reportId ? (
          <Link to="/reports/$id" params={{ id: a.reportId }}>
            {a.agencyName}
          </Link>
        ) : (
          a.agencyName
        ),
    },
    { title: t("common.region"), key: "region", render: (_, a) => names.get(a.regionCode) ?? a.regionCode },
    { title: t("col.deadline"), key: "deadline", render: (_, a) => formatDate(a.deadline, locale) },
    {
      title: t("compliance.status"),
      key: "status",
      render: (_, a) => (
        <Space size={4} wrap>
          <Tag color={statusColors[a.status] ?? "default"}>{t(`compliance.status.${a.status}`)}</Tag>
          {a.daysLate ? (
            <Typography.Text type={a.status === "missing" ? "danger" : "warning"}>
              {t("deadline.late", { n: a.daysLate })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t("col.state"),
      key: "state",
      render: (_, a) =>
        a.state ? (
          <StateTag state={a.state} />
        ) : (
          <Typography.Text type="secondary">{t("compliance.noReport")}</Typography.Text>
        ),
    },
    {
      title: t("compliance.publishedOn"),
      key: "published",
      render: (_, a) => formatDate(a.publicationDate, locale),
    },
  ];
  return (
    <section aria-label={t("compliance.board")}>
      <YearRegionFilters
        idPrefix="compliance"
        year={year}
        region={prefix ?? undefined}
        onChange={go}
        within={admin ? undefined : mine.map((m) => m.code)}
        placeholder={t("dashboard.allRegions")}
        allowClear={admin}
      />
      <Breadcrumb
        className="gap-small"
        items={[
          ...(admin
            ? [
                {
                  key: "all",
                  title: prefix ? (
                    <Link to="/compliance" search={{ year: search.year }}>
                      {t("dashboard.allRegions")}
                    </Link>
                  ) : (
                    t("dashboard.allRegions")
                  ),
                },
              ]
            : []),
          ...visible.map((p) => ({
            key: p,
            title:
              p === prefix ? (
                regionName(p)
              ) : (
                <Link to="/compliance" search={{ year: search.year, region: p }}>
                  {regionName(p)}
                </Link>
              ),
          })),
        ]}
      />
      {board.error && <ErrorAlert error={board.error} />}
      {board.data?.asOf && (
        <Typography.Paragraph type="secondary" className="gap-small">
          {t("compliance.asOf", { date: formatDate(board.data.asOf, locale), year })}
        </Typography.Paragraph>
      )}
      <Row gutter={[12, 12]} className="gap-small">
        {(["due", "published", "onTime", "late", "missing", "pending"] as const).map((key) => (
          <Col xs={12} sm={8} lg={4} key={key}>
            <Card size="small">
              <Statistic title={t(`board.${key}`)} value={totals?.[key] ?? "—"} loading={board.isLoading} />
            </Card>
          </Col>
        ))}
      </Row>
      <Typography.Title level={3} className="section-heading">
        {t("compliance.byRegion")}
      </Typography.Title>
      <Table<RegionRow>
        rowKey="regionCode"
        size="small"
        loading={board.isLoading}
        dataSource={board.data?.regions ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={t("compliance.noRegions")} /> }}
        columns={[
          {
            title: t("common.region"),
            key: "region",
            render: (_, r) =>
              regionPrefixOf(r.regionCode) !== prefix ? (
                <Link
                  to="/compliance"
                  search={{ year: search.year, region: regionPrefixOf(r.regionCode) }}
                  aria-label={t("compliance.drill", { region: l(r.label) })}
                >
                  {l(r.label)}
                </Link>
              ) : (
                l(r.label)
              ),
          },
          { title: t("board.due"), dataIndex: "due", align: "right" },
          { title: t("board.published"), dataIndex: "published", align: "right" },
          { title: t("board.onTime"), dataIndex: "onTime", align: "right" },
          {
            title: t("board.late"),
            dataIndex: "late",
            align: "right",
            render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : n),
          },
          {
            title: t("board.missing"),
            dataIndex: "missing",
            align: "right",
            render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n),
          },
          { title: t("board.pending"), dataIndex: "pending", align: "right" },
          {
            title: t("compliance.onTimeShare"),
            key: "share",
            align: "right",
            render: (_, r) => formatShare(r.published ? r.onTime / r.published : null, locale),
          },
        ]}
        summary={() =>
          totals && (board.data?.regions.length ?? 0) > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>
                <strong>{t("compliance.total")}</strong>
              </Table.Summary.Cell>
              {(["due", "published", "onTime", "late", "missing", "pending"] as const).map((k, i) => (
                <Table.Summary.Cell index={i + 1} key={k} align="right">
                  <strong>{totals[k]}</strong>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={7} align="right">
                <strong>{formatShare(totals.published ? totals.onTime / totals.published : null, locale)}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null
        }
      />
      <Typography.Title level={3} className="section-heading">
        {t("compliance.agencies", { n: agencies.length })}
      </Typography.Title>
      {board.isLoading ? (
        <Table<AgencyRow> loading dataSource={[]} columns={columns} />
      ) : agencies.length === 0 ? (
        board.error ? null : (
          <Empty description={t("compliance.noAgencies")} />
        )
      ) : (
        // By status, the problems open and on top: several hundred agencies are too many for one table.
        <Collapse
          key={`${year}-${prefix ?? ""}`}
          defaultActiveKey={statusOrder.filter((s) => s !== "on_time" && s !== "pending")}
          items={statusOrder
            .map((status) => ({ status, rows: agencies.filter((a) => a.status === status) }))
            .filter((g) => g.rows.length > 0)
            .map((g) => ({
              key: g.status,
              label: (
                <Space>
                  <Tag color={statusColors[g.status] ?? "default"}>{t(`compliance.status.${g.status}`)}</Tag>
                  <span>{t("compliance.agencyCount", { n: g.rows.length })}</span>
                </Space>
              ),
              children: (
                <Table<AgencyRow>
                  rowKey="agencyId"
                  size="small"
                  dataSource={g.rows}
                  pagination={false}
                  scroll={{ x: "max-content" }}
                  columns={columns}
                />
              ),
            }))}
        />
      )}
    </section>
  );
}

/** Deadline rules: regions (province, prefecture…) that set their own publication deadlines. */
function DeadlineRules() {
  const { t, l, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const rules = useQuery(trpc.deadlines.list.queryOptions());
  const names = useRegionNames();
  const admin = isAdmin(me);
  const mine = oversightRegions(me).map((m) => m.code);
  const mayEdit = (code: string) => admin || mine.some((m) => covers(m, code));
  const [editing, setEditing] = useState<{ regionCode?: string | undefined; config: DeadlineConfig } | null>(null);
  const invalidate = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.deadlines.list.queryKey() });
    // Deadlines decide on time / late / missing, and the deadlines shown on reports.
    await queryClient.invalidateQueries({ queryKey: trpc.compliance.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.reports.pathKey() });
  };
  const clear = useMutation(
    trpc.deadlines.clear.mutationOptions({
      onSuccess: async (r) => {
        await invalidate();
        void message.success(t("deadlines.cleared", { region: names.get(r.regionCode) ?? r.regionCode }));
      },
    }),
  );
  const md = (v: string) => <span className="num">{v}</span>;
  return (
    <section aria-labelledby="deadlines-title" className="gap">
      <div className="page-title">
        <Typography.Title level={2} id="deadlines-title" className="section-heading">
          {t("deadlines.title")}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing({ regionCode: undefined, config: defaultDeadlines })}>
          {t("deadlines.add")}
        </Button>
      </div>
      <Typography.Paragraph type="secondary">{t("deadlines.intro")}</Typography.Paragraph>
      <ErrorAlert error={clear.error} />
      <Table<Rule>
        rowKey="regionCode"
        size="small"
        loading={rules.isLoading}
        dataSource={rules.data ?? []}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: rules.error ? describeError(rules.error, locale) : <Empty description={t("deadlines.none")} />,
        }}
        columns={[
          {
            title: t("common.region"),
            key: "region",
            render: (_, r) => `${r.regionName ?? names.get(r.regionCode) ?? ""} ${r.regionCode}`,
          },
          { title: t("deadlines.default"), key: "default", render: (_, r) => md(r.config.default) },
          ...agencyLevels.map((level) => ({
            title: t("deadlines.consolidatedShort", { level: l(agencyLevelLabels[level]) }),
            key: level,
            render: (_: unknown, r: Rule) => md(r.config.consolidated[level]),
          })),
          { title: t("deadlines.verticalSystem"), key: "vertical", render: (_, r) => md(r.config.verticalSystem) },
          { title: t("deadlines.updated"), key: "updated", render: (_, r) => formatDateTime(r.updatedAt, locale) },
          {
            title: t("manage.actions"),
            key: "actions",
            render: (_, r) =>
              mayEdit(r.regionCode) ? (
                <Space size={4}>
                  <Button size="small" onClick={() => setEditing({ regionCode: r.regionCode, config: r.config })}>
                    {t("manage.edit")}
                  </Button>
                  <Popconfirm
                    title={t("deadlines.clearConfirm", { region: r.regionName ?? r.regionCode })}
                    okText={t("deadlines.clear")}
                    cancelText={t("common.cancel")}
                    onConfirm={() => clear.mutateAsync({ regionCode: r.regionCode }).catch(() => undefined)}
                  >
                    <Button
                      size="small"
                      danger
                      loading={clear.isPending && clear.variables?.regionCode === r.regionCode}
                    >
                      {t("deadlines.clear")}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : null,
          },
        ]}
      />
      {editing && (
        <DeadlineForm
          initial={editing}
          within={admin ? undefined : mine}
          onClose={() => setEditing(null)}
          onSaved={async (regionCode) => {
            setEditing(null);
            await invalidate();
            void message.success(t("deadlines.saved", { region: names.get(regionCode) ?? regionCode }));
          }}
        />
      )}
    </section>
  );
}

type DeadlineField = NonNullable<Parameters<FormInstance<DeadlineValues>["setFields"]>[0][number]["name"]>;
const deadlineFields: DeadlineField[] = [
  "regionCode",
  "default",
  "verticalSystem",
  ...agencyLevels.map((level): DeadlineField => ["consolidated", level]),
];

interface DeadlineValues {
  regionCode?: string | undefined;
  default: string;
  consolidated: DeadlineConfig["consolidated"];
  verticalSystem: string;
}

function DeadlineForm({
  initial,
  within,
  onClose,
  onSaved,
}: {
  initial: { regionCode?: string | undefined; config: DeadlineConfig };
  within: readonly string[] | undefined;
  onClose(): void;
  onSaved(regionCode: string): Promise<void>;
}) {
  const { t, l, locale } = useI18n();
  const trpc = useTrpc();
  const [form] = Form.useForm<DeadlineValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const set = useMutation(trpc.deadlines.set.mutationOptions({ onSuccess: (r) => onSaved(r.regionCode) }));
  const submit = (values: DeadlineValues) => {
    setProblem(null);
    const input = {
      regionCode: values.regionCode ?? "",
      config: { default: values.default, consolidated: values.consolidated, verticalSystem: values.verticalSystem },
    };
    // The schema's own checks first, so the messages are the ones the API would give: all of them
    // above the buttons, and each beside its field.
    const parsed = DeadlineRuleInputSchema.safeParse(input);
    if (!parsed.success) {
      form.setFields(
        parsed.error.issues.flatMap((i) => {
          const path = (i.path[0] === "config" ? i.path.slice(1) : i.path).join(".");
          const name = deadlineFields.find((n) => [n].flat().join(".") === path);
          return name ? [{ name, errors: [issueText(i.message, locale)] }] : [];
        }),
      );
      return setProblem(issuesError(parsed.error.issues));
    }
    set.mutate(parsed.data);
  };
  return (
    <Modal
      open
      title={initial.regionCode ? t("deadlines.editTitle") : t("deadlines.add")}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={set.isPending}
      destroyOnHidden
      width={560}
    >
      <Form<DeadlineValues>
        form={form}
        layout="vertical"
        initialValues={{ regionCode: initial.regionCode, ...initial.config }}
        onFinish={submit}
        onFinishFailed={() => setProblem(null)}
        // Errors set from the schema stay until the next submit unless cleared on change.
        onValuesChange={() => {
          if (!problem) return;
          setProblem(null);
          form.setFields(deadlineFields.map((name) => ({ name, errors: [] })));
        }}
      >
        <Form.Item
          name="regionCode"
          label={t("common.region")}
          rules={[{ required: true, message: t("deadlines.regionMissing") }]}
          extra={t("deadlines.regionHelp")}
        >
          <RegionPicker within={within} placeholder={t("deadlines.regionPlaceholder")} />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t("deadlines.formatHelp")}</Typography.Paragraph>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="default" label={t("deadlines.default")} extra={t("deadlines.defaultHelp")}>
              <Input placeholder="01-31" inputMode="numeric" maxLength={5} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="verticalSystem" label={t("deadlines.verticalSystem")}>
              <Input placeholder="03-31" inputMode="numeric" maxLength={5} />
            </Form.Item>
          </Col>
        </Row>
        <fieldset className="fieldset">
          <legend>{t("deadlines.consolidated")}</legend>
          <Row gutter={12}>
            {agencyLevels.map((level) => (
              <Col xs={12} sm={8} key={level}>
                <Form.Item name={["consolidated", level]} label={l(agencyLevelLabels[level])}>
                  <Input placeholder="03-31" inputMode="numeric" maxLength={5} />
                </Form.Item>
              </Col>
            ))}
          </Row>
        </fieldset>
        <ErrorAlert error={problem ?? set.error} />
      </Form>
    </Modal>
  );
}
