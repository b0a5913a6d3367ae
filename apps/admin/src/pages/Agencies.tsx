import {
  AgencyCreateInputSchema,
  AgencyDissolveInputSchema,
  AgencyMergeInputSchema,
  AgencyRenameInputSchema,
  AgencyUpdateInputSchema,
} from "@gongkai/schema";
import {
  type AgencyKind,
  type AgencyLevel,
  agencyKindLabels,
  agencyKinds,
  agencyLevelLabels,
  agencyLevels,
} from "@gongkai/schema/meta";
import { formatDate, useI18n } from "@gongkai/ui";
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { type ReactNode, useState } from "react";
import { PageTitle } from "../components/common";
import { AgencyPicker, ErrorAlert, issuesError, RegionPicker, SearchBox } from "../components/manage";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { isAdmin } from "../lib/roles";
import { chinaToday } from "../lib/settings";
import { useTrpc } from "../lib/trpc";

const route = getRouteApi("/app/agencies");
const PAGE_SIZE = 20;

type Agency = AdminOutputs["agencies"]["list"]["items"][number];
type AgencyEvent = AdminOutputs["agencies"]["events"][number];
type Action = { kind: "create" } | { kind: "edit" | "rename" | "merge" | "dissolve"; agency: Agency };

const statusColors: Record<string, string> = { active: "success", merged: "default", dissolved: "default" };

function StatusTag({ agency }: { agency: { status: string; endedOn: string | null } }) {
  const { t, locale } = useI18n();
  return (
    <Tag color={statusColors[agency.status] ?? "default"}>
      {t(`agency.status.${agency.status}`)}
      {agency.endedOn ? ` · ${formatDate(agency.endedOn, locale)}` : ""}
    </Tag>
  );
}

/** Invalidate whatever shows agency names, regions or tracking after a change. */
function useAgencyChanged() {
  const trpc = useTrpc();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all(
      [
        trpc.agencies.pathKey(),
        trpc.compliance.pathKey(),
        trpc.quality.pathKey(),
        trpc.users.pathKey(),
        trpc.reports.pathKey(),
        trpc.me.queryKey(),
      ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  };
}

/** Admins: the agencies that publish reports, and their history (renamed, merged, dissolved). */
export function AgenciesPage() {
  const { t, l, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const search = route.useSearch();
  const page = search.page ?? 1;
  const admin = isAdmin(me);
  const list = useQuery({
    ...trpc.agencies.list.queryOptions({ query: search.q, page, pageSize: PAGE_SIZE }),
    enabled: admin,
  });
  const [action, setAction] = useState<Action | null>(null);
  // The drawer shows the row as the list has it now (refetched after every change).
  const [detail, setDetail] = useState<Agency | null>(null);
  const detailRow = detail ? (list.data?.items.find((a) => a.id === detail.id) ?? detail) : null;
  if (!admin) return <Alert type="info" showIcon title={t("manage.forAdmins")} />;
  const actions = (a: Agency) => (
    <Space size={4}>
      <Button size="small" onClick={() => setAction({ kind: "edit", agency: a })}>
        {t("manage.edit")}
      </Button>
      {a.status === "active" && (
        <>
          <Button size="small" onClick={() => setAction({ kind: "rename", agency: a })}>
            {t("agency.rename")}
          </Button>
          <Button size="small" onClick={() => setAction({ kind: "merge", agency: a })}>
            {t("agency.merge")}
          </Button>
          <Button size="small" danger onClick={() => setAction({ kind: "dissolve", agency: a })}>
            {t("agency.dissolve")}
          </Button>
        </>
      )}
    </Space>
  );
  return (
    <div className="page">
      <PageTitle
        extra={
          <Button type="primary" onClick={() => setAction({ kind: "create" })}>
            {t("agency.create")}
          </Button>
        }
      >
        {t("agency.title")}
      </PageTitle>
      <SearchBox
        id="agency-search"
        label={t("agency.search")}
        placeholder={t("agency.searchPlaceholder")}
        value={search.q}
        onSearch={(q) => void navigate({ to: "/agencies", search: { q } })}
      />
      <ErrorAlert error={list.error} />
      <Table<Agency>
        className="gap"
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: "max-content" }}
        locale={{
          emptyText: list.error ? describeError(list.error, locale) : <Empty description={t("agency.none")} />,
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t("manage.total", { n }),
          onChange: (p) => void navigate({ to: "/agencies", search: { q: search.q, page: p > 1 ? p : undefined } }),
        }}
        columns={[
          {
            title: t("agency.name"),
            key: "name",
            render: (_, a) => (
              <Button type="link" className="link-inline" onClick={() => setDetail(a)}>
                {a.name}
              </Button>
            ),
          },
          { title: t("agency.id"), key: "id", render: (_, a) => <code>{a.id}</code> },
          { title: t("common.region"), key: "region", render: (_, a) => a.regionName ?? a.regionCode },
          { title: t("agency.level"), key: "level", render: (_, a) => l(agencyLevelLabels[a.level]) },
          { title: t("agency.kind"), key: "kind", render: (_, a) => l(agencyKindLabels[a.kind]) },
          { title: t("agency.status"), key: "status", render: (_, a) => <StatusTag agency={a} /> },
          {
            title: t("agency.tracked"),
            key: "tracked",
            render: (_, a) =>
              a.tracked ? (
                <Tag color="blue">{t("agency.trackedYes")}</Tag>
              ) : (
                <Typography.Text type="secondary">{t("agency.trackedNo")}</Typography.Text>
              ),
          },
          { title: t("manage.actions"), key: "actions", render: (_, a) => actions(a) },
        ]}
      />
      {detailRow && <AgencyDrawer agency={detailRow} onClose={() => setDetail(null)} actions={actions} />}
      {action && <AgencyForm action={action} onClose={() => setAction(null)} />}
    </div>
  );
}

function EventText({ e }: { e: AgencyEvent }) {
  const { t } = useI18n();
  switch (e.kind) {
    case "created":
      return <>{t("agency.event.created", { name: e.toName ?? "" })}</>;
    case "renamed":
      return <>{t("agency.event.renamed", { from: e.fromName ?? "", to: e.toName ?? "" })}</>;
    case "merged_into":
      return <>{t("agency.event.mergedInto", { other: e.otherAgencyName ?? e.toName ?? e.otherAgencyId ?? "" })}</>;
    case "absorbed":
      return <>{t("agency.event.absorbed", { other: e.otherAgencyName ?? e.fromName ?? e.otherAgencyId ?? "" })}</>;
    case "dissolved":
      return <>{t("agency.event.dissolved")}</>;
  }
}

function AgencyDrawer({
  agency,
  onClose,
  actions,
}: {
  agency: Agency;
  onClose(): void;
  actions(a: Agency): ReactNode;
}) {
  const { t, l, locale } = useI18n();
  const trpc = useTrpc();
  const info = useQuery(trpc.agencies.get.queryOptions({ id: agency.id }));
  const events = useQuery(trpc.agencies.events.queryOptions({ id: agency.id }));
  const parent = useQuery(trpc.agencies.get.queryOptions(agency.parentId ? { id: agency.parentId } : skipToken));
  const successor = useQuery(
    trpc.agencies.get.queryOptions(agency.successorId ? { id: agency.successorId } : skipToken),
  );
  const a = agency;
  return (
    <Drawer open onClose={onClose} title={info.data?.name ?? a.name} size={520} destroyOnHidden>
      <ErrorAlert error={info.error} />
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: "id", label: t("agency.id"), children: <code>{a.id}</code> },
          { key: "region", label: t("common.region"), children: `${a.regionName ?? ""} ${a.regionCode}` },
          { key: "level", label: t("agency.level"), children: l(agencyLevelLabels[a.level]) },
          { key: "kind", label: t("agency.kind"), children: l(agencyKindLabels[a.kind]) },
          {
            key: "parent",
            label: t("agency.parent"),
            children: agency.parentId ? (parent.data?.name ?? agency.parentId) : "—",
          },
          { key: "status", label: t("agency.status"), children: <StatusTag agency={a} /> },
          ...(agency.successorId
            ? [{ key: "successor", label: t("agency.successor"), children: successor.data?.name ?? agency.successorId }]
            : []),
          {
            key: "tracked",
            label: t("agency.tracked"),
            children: a.tracked ? t("agency.trackedYes") : t("agency.trackedNo"),
          },
        ]}
      />
      <div className="gap">{actions(a)}</div>
      <Typography.Title level={3} className="section-heading">
        {t("agency.history")}
      </Typography.Title>
      {events.error ? (
        <ErrorAlert error={events.error} />
      ) : events.data && events.data.length === 0 ? (
        <Empty description={t("agency.noEvents")} />
      ) : (
        <Timeline
          items={(events.data ?? []).map((e, i) => ({
            key: `${e.kind}-${e.date}-${i}`,
            color:
              e.kind === "dissolved" || e.kind === "merged_into" ? "gray" : e.kind === "created" ? "green" : "blue",
            title: formatDate(e.date, locale),
            content: (
              <>
                <EventText e={e} />
                {e.note && <Typography.Paragraph type="secondary">{e.note}</Typography.Paragraph>}
              </>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

interface AgencyValues {
  id?: string;
  name?: string;
  regionCode?: string;
  level?: AgencyLevel;
  kind?: AgencyKind;
  parentId?: string | null;
  tracked?: boolean;
  newName?: string;
  intoId?: string;
  date?: Dayjs;
  note?: string;
}

const today = () => dayjs(chinaToday());
const isoDay = (d: Dayjs | undefined) => (d ? d.format("YYYY-MM-DD") : "");
const noteOf = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

/** One form for the five changes an admin makes to agencies; each checked by its API schema first. */
function AgencyForm({ action, onClose }: { action: Action; onClose(): void }) {
  const { t, l } = useI18n();
  const trpc = useTrpc();
  const { message } = App.useApp();
  const changed = useAgencyChanged();
  const [form] = Form.useForm<AgencyValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const create = useMutation(trpc.agencies.create.mutationOptions());
  const update = useMutation(trpc.agencies.update.mutationOptions());
  const rename = useMutation(trpc.agencies.rename.mutationOptions());
  const merge = useMutation(trpc.agencies.merge.mutationOptions());
  const dissolve = useMutation(trpc.agencies.dissolve.mutationOptions());
  const pending = create.isPending || update.isPending || rename.isPending || merge.isPending || dissolve.isPending;
  const serverError = create.error ?? update.error ?? rename.error ?? merge.error ?? dissolve.error;
  const agency = action.kind === "create" ? null : action.agency;
  const finish = async (text: string) => {
    await changed();
    void message.success(text);
    onClose();
  };
  const submit = async (v: AgencyValues) => {
    setProblem(null);
    const check = <T,>(
      parsed:
        | { success: true; data: T }
        | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } },
    ): T | null => {
      if (parsed.success) return parsed.data;
      setProblem(issuesError(parsed.error.issues));
      return null;
    };
    try {
      if (action.kind === "create") {
        const input = check(
          AgencyCreateInputSchema.safeParse({
            id: v.id,
            name: v.name,
            regionCode: v.regionCode,
            level: v.level,
            kind: v.kind,
            parentId: v.parentId ?? null,
            tracked: v.tracked ?? true,
          }),
        );
        if (input) {
          await create.mutateAsync(input);
          await finish(t("agency.created", { name: input.name }));
        }
      } else if (action.kind === "edit") {
        const a = action.agency;
        // Only what changed, so the audit log says what the edit was.
        const patch = {
          id: a.id,
          regionCode: v.regionCode !== a.regionCode ? v.regionCode : undefined,
          level: v.level !== a.level ? v.level : undefined,
          kind: v.kind !== a.kind ? v.kind : undefined,
          parentId: (v.parentId ?? null) !== a.parentId ? (v.parentId ?? null) : undefined,
          tracked: v.tracked !== a.tracked ? v.tracked : undefined,
        };
        const input = check(AgencyUpdateInputSchema.safeParse(patch));
        if (input) {
          await update.mutateAsync(input);
          await finish(t("agency.updated", { name: a.name }));
        }
      } else if (action.kind === "rename") {
        const input = check(
          AgencyRenameInputSchema.safeParse({
            id: action.agency.id,
            newName: v.newName,
            date: isoDay(v.date),
            note: noteOf(v.note),
          }),
        );
        if (input) {
          await rename.mutateAsync(input);
          await finish(t("agency.renamed", { name: input.newName }));
        }
      } else if (action.kind === "merge") {
        const input = check(
          AgencyMergeInputSchema.safeParse({
            id: action.agency.id,
            intoId: v.intoId,
            date: isoDay(v.date),
            note: noteOf(v.note),
          }),
        );
        if (input) {
          await merge.mutateAsync(input);
          await finish(t("agency.merged", { name: action.agency.name }));
        }
      } else {
        const input = check(
          AgencyDissolveInputSchema.safeParse({ id: action.agency.id, date: isoDay(v.date), note: noteOf(v.note) }),
        );
        if (input) {
          await dissolve.mutateAsync(input);
          await finish(t("agency.dissolved", { name: action.agency.name }));
        }
      }
    } catch {
      // Shown below from the mutation's error.
    }
  };
  const title = {
    create: t("agency.create"),
    edit: t("agency.editTitle", { name: agency?.name ?? "" }),
    rename: t("agency.renameTitle", { name: agency?.name ?? "" }),
    merge: t("agency.mergeTitle", { name: agency?.name ?? "" }),
    dissolve: t("agency.dissolveTitle", { name: agency?.name ?? "" }),
  }[action.kind];
  const required = (label: string) => [{ required: true, message: t("manage.required", { field: label }) }];
  const dateField = (
    <Form.Item name="date" label={t("agency.date")} rules={required(t("agency.date"))} extra={t("agency.dateHelp")}>
      <DatePicker style={{ width: "100%" }} />
    </Form.Item>
  );
  const noteField = (
    <Form.Item name="note" label={t("agency.note")}>
      <Input.TextArea rows={2} maxLength={500} showCount />
    </Form.Item>
  );
  const levelOptions = agencyLevels.map((x) => ({ value: x, label: l(agencyLevelLabels[x]) }));
  const kindOptions = agencyKinds.map((x) => ({ value: x, label: l(agencyKindLabels[x]) }));
  const initial: AgencyValues =
    action.kind === "create"
      ? { tracked: true, level: "provincial", kind: "department" }
      : action.kind === "edit"
        ? {
            regionCode: action.agency.regionCode,
            level: action.agency.level,
            kind: action.agency.kind,
            parentId: action.agency.parentId,
            tracked: action.agency.tracked,
          }
        : { date: today(), newName: action.agency.name };
  return (
    <Modal
      open
      title={title}
      okText={action.kind === "dissolve" ? t("agency.dissolve") : t("common.save")}
      okButtonProps={{ danger: action.kind === "dissolve" || action.kind === "merge" }}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      destroyOnHidden
      width={600}
    >
      <Form<AgencyValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changedValues: AgencyValues) => {
          // A new agency's level usually follows its region's: 510000 provincial, 510100 prefecture.
          const code = changedValues.regionCode;
          if (action.kind === "create" && code && !form.isFieldTouched("level"))
            form.setFieldValue(
              "level",
              code.endsWith("0000") ? "provincial" : code.endsWith("00") ? "prefecture" : "county",
            );
        }}
      >
        {action.kind === "create" && (
          <>
            <Form.Item name="name" label={t("agency.name")} rules={required(t("agency.name"))}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="id" label={t("agency.id")} rules={required(t("agency.id"))} extra={t("agency.idHelp")}>
              <Input maxLength={64} placeholder="sc-finance" />
            </Form.Item>
          </>
        )}
        {(action.kind === "create" || action.kind === "edit") && (
          <>
            <Form.Item name="regionCode" label={t("common.region")} rules={required(t("common.region"))}>
              <RegionPicker allowClear={false} placeholder={t("deadlines.regionPlaceholder")} />
            </Form.Item>
            <Form.Item name="level" label={t("agency.level")} rules={required(t("agency.level"))}>
              <Select options={levelOptions} />
            </Form.Item>
            <Form.Item
              name="kind"
              label={t("agency.kind")}
              rules={required(t("agency.kind"))}
              extra={t("agency.kindHelp")}
            >
              <Select options={kindOptions} />
            </Form.Item>
            <Form.Item name="parentId" label={t("agency.parent")} extra={t("agency.parentHelp")}>
              <AgencyPicker exclude={agency?.id} />
            </Form.Item>
            <Form.Item
              name="tracked"
              label={t("agency.tracked")}
              valuePropName="checked"
              extra={t("agency.trackedHelp")}
            >
              <Switch />
            </Form.Item>
          </>
        )}
        {action.kind === "rename" && (
          <>
            <Form.Item name="newName" label={t("agency.newName")} rules={required(t("agency.newName"))}>
              <Input maxLength={200} />
            </Form.Item>
            {dateField}
            {noteField}
          </>
        )}
        {action.kind === "merge" && (
          <>
            <Typography.Paragraph>{t("agency.mergeIntro", { name: action.agency.name })}</Typography.Paragraph>
            <Form.Item name="intoId" label={t("agency.successor")} rules={required(t("agency.successor"))}>
              <AgencyPicker exclude={action.agency.id} activeOnly />
            </Form.Item>
            {dateField}
            {noteField}
          </>
        )}
        {action.kind === "dissolve" && (
          <>
            <Alert
              type="warning"
              showIcon
              title={t("agency.dissolveIntro", { name: action.agency.name })}
              className="gap-small"
            />
            <div className="gap" />
            {dateField}
            {noteField}
          </>
        )}
        <ErrorAlert error={problem ?? serverError} />
      </Form>
    </Modal>
  );
}
