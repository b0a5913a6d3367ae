import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { roles, UserInviteInputSchema, UserSetRoleInputSchema } from "@gongkai/schema";
import { formatDate, useI18n } from "@gongkai/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import {
  Alert,
  App,
  Button,
  Col,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { PageTitle } from "../components/common";
import { AgencyPicker, ErrorAlert, issuesError, MembershipTag, RegionPicker, SearchBox } from "../components/manage";
import type { AdminOutputs } from "../lib/api-types";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { isAdmin } from "../lib/roles";
import { useTrpc } from "../lib/trpc";

const route = getRouteApi("/app/users");
const PAGE_SIZE = 20;

type User = AdminOutputs["users"]["list"]["items"][number];
type Role = (typeof roles)[number];
interface MembershipValues {
  role?: Role;
  agencyId?: string | null;
  regionCode?: string | null;
}

/** Keep only what the role needs: an agency for editors and approvers, a region for oversight. */
const membershipInput = (m: MembershipValues) => ({
  role: m.role,
  agencyId: m.role === "editor" || m.role === "approver" ? (m.agencyId ?? null) : null,
  regionCode: m.role === "oversight" ? (m.regionCode ?? null) : null,
});

/** A password nobody has to invent: 16 characters from an unambiguous alphabet. */
function randomPassword(): string {
  const alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

function useUsersChanged() {
  const trpc = useTrpc();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.users.pathKey() });
}

/** Admins: who may sign in to the console, and as what (editor, approver, oversight, admin). */
export function UsersPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const search = route.useSearch();
  const page = search.page ?? 1;
  const admin = isAdmin(me);
  const list = useQuery({
    ...trpc.users.list.queryOptions({ query: search.q, page, pageSize: PAGE_SIZE }),
    enabled: admin,
  });
  const changed = useUsersChanged();
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const setActive = useMutation(
    trpc.users.setActive.mutationOptions({
      onSuccess: async (u) => {
        await changed();
        void message.success(t(u.active ? "user.reactivated" : "user.deactivated", { name: u.name }));
      },
    }),
  );
  if (!admin) return <Alert type="info" showIcon title={t("manage.forAdmins")} />;
  return (
    <div className="page">
      <PageTitle
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setInviting(true)}>
            {t("user.invite")}
          </Button>
        }
      >
        {t("user.title")}
      </PageTitle>
      <SearchBox
        id="user-search"
        label={t("user.search")}
        placeholder={t("user.searchPlaceholder")}
        value={search.q}
        onSearch={(q) => void navigate({ to: "/users", search: { q } })}
      />
      <ErrorAlert error={list.error ?? setActive.error} />
      <Table<User>
        className="gap"
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: list.error ? describeError(list.error, locale) : <Empty description={t("user.none")} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t("manage.total", { n }),
          onChange: (p) => void navigate({ to: "/users", search: { q: search.q, page: p > 1 ? p : undefined } }),
        }}
        rowClassName={(u) => (u.active ? "" : "row-inactive")}
        columns={[
          {
            title: t("user.name"),
            key: "name",
            render: (_, u) => (
              <span>
                {u.name}
                {u.id === me.id && <Tag className="tag-after">{t("user.you")}</Tag>}
              </span>
            ),
          },
          { title: t("user.email"), key: "email", render: (_, u) => <a href={`mailto:${u.email}`}>{u.email}</a> },
          {
            title: t("user.roles"),
            key: "roles",
            render: (_, u) =>
              u.memberships.length ? (
                <Space size={[4, 4]} wrap>
                  {u.memberships.map((m) => (
                    <MembershipTag key={`${m.role}-${m.agencyId ?? ""}-${m.regionCode ?? ""}`} m={m} />
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t("user.noRoles")}</Typography.Text>
              ),
          },
          {
            title: t("user.status"),
            key: "active",
            render: (_, u) =>
              u.active ? <Tag color="success">{t("user.active")}</Tag> : <Tag>{t("user.inactive")}</Tag>,
          },
          { title: t("user.created"), key: "created", render: (_, u) => formatDate(u.createdAt, locale) },
          {
            title: t("manage.actions"),
            key: "actions",
            render: (_, u) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing(u)}>
                  {t("user.editRoles")}
                </Button>
                {u.active ? (
                  <Popconfirm
                    title={t("user.deactivateConfirm", { name: u.name })}
                    okText={t("user.deactivate")}
                    okButtonProps={{ danger: true }}
                    cancelText={t("common.cancel")}
                    onConfirm={() => setActive.mutateAsync({ userId: u.id, active: false }).catch(() => undefined)}
                    disabled={u.id === me.id}
                  >
                    <Button
                      size="small"
                      danger
                      disabled={u.id === me.id}
                      loading={setActive.isPending && setActive.variables?.userId === u.id}
                    >
                      {t("user.deactivate")}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button
                    size="small"
                    onClick={() => setActive.mutate({ userId: u.id, active: true })}
                    loading={setActive.isPending && setActive.variables?.userId === u.id}
                  >
                    {t("user.reactivate")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {inviting && <InviteForm onClose={() => setInviting(false)} />}
      {editing && <RolesForm user={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}

/** Role, and the agency or region it needs. */
function MembershipFields({ prefix, role }: { prefix: (string | number)[]; role: Role | undefined }) {
  const { t } = useI18n();
  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  return (
    <Row gutter={8}>
      <Col xs={24} sm={9}>
        <Form.Item
          name={[...prefix, "role"]}
          label={t("user.role")}
          rules={[{ required: true, message: t("manage.required", { field: t("user.role") }) }]}
        >
          <Select options={roleOptions} />
        </Form.Item>
      </Col>
      <Col xs={24} sm={15}>
        {(role === "editor" || role === "approver") && (
          <Form.Item
            name={[...prefix, "agencyId"]}
            label={t("user.agency")}
            rules={[{ required: true, message: t("manage.required", { field: t("user.agency") }) }]}
          >
            <AgencyPicker activeOnly />
          </Form.Item>
        )}
        {role === "oversight" && (
          <Form.Item
            name={[...prefix, "regionCode"]}
            label={t("common.region")}
            rules={[{ required: true, message: t("manage.required", { field: t("common.region") }) }]}
          >
            <RegionPicker placeholder={t("deadlines.regionPlaceholder")} />
          </Form.Item>
        )}
        {role === "admin" && (
          <Typography.Paragraph type="secondary" className="role-help">
            {t("user.adminHelp")}
          </Typography.Paragraph>
        )}
      </Col>
    </Row>
  );
}

interface InviteValues {
  email?: string;
  name?: string;
  password?: string;
  membership?: MembershipValues;
}

function InviteForm({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const trpc = useTrpc();
  const { message } = App.useApp();
  const changed = useUsersChanged();
  const [form] = Form.useForm<InviteValues>();
  const role = Form.useWatch(["membership", "role"], form);
  const [problem, setProblem] = useState<unknown>(null);
  const invite = useMutation(
    trpc.users.invite.mutationOptions({
      onSuccess: async (u) => {
        await changed();
        void message.success(t("user.invited", { name: u.name }));
        onClose();
      },
    }),
  );
  const submit = (v: InviteValues) => {
    setProblem(null);
    const parsed = UserInviteInputSchema.safeParse({
      email: v.email?.trim(),
      name: v.name,
      password: v.password,
      membership: membershipInput(v.membership ?? {}),
    });
    if (!parsed.success) return setProblem(issuesError(parsed.error.issues));
    invite.mutate(parsed.data);
  };
  return (
    <Modal
      open
      title={t("user.invite")}
      okText={t("user.inviteOk")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={invite.isPending}
      destroyOnHidden
      width={600}
    >
      <Form<InviteValues>
        form={form}
        layout="vertical"
        initialValues={{ membership: { role: "editor" } }}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t("user.name")}
          rules={[{ required: true, message: t("manage.required", { field: t("user.name") }) }]}
        >
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t("user.email")}
          rules={[{ required: true, type: "email", message: t("auth.emailInvalid") }]}
        >
          <Input type="email" autoComplete="off" />
        </Form.Item>
        <Form.Item label={t("user.password")} required extra={t("user.passwordHelp")}>
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name="password" noStyle rules={[{ required: true, min: 10, message: t("user.passwordShort") }]}>
              <Input.Password autoComplete="new-password" aria-label={t("user.password")} />
            </Form.Item>
            <Button onClick={() => form.setFieldValue("password", randomPassword())}>{t("user.generate")}</Button>
          </Space.Compact>
        </Form.Item>
        <MembershipFields prefix={["membership"]} role={role} />
        <ErrorAlert error={problem ?? invite.error} />
      </Form>
    </Modal>
  );
}

function RolesForm({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useI18n();
  const trpc = useTrpc();
  const { message } = App.useApp();
  const changed = useUsersChanged();
  const [form] = Form.useForm<{ memberships: MembershipValues[] }>();
  const memberships = Form.useWatch("memberships", form);
  const [problem, setProblem] = useState<unknown>(null);
  const setRoles = useMutation(
    trpc.users.setRoles.mutationOptions({
      onSuccess: async (u) => {
        await changed();
        void message.success(t("user.rolesSaved", { name: u.name }));
        onClose();
      },
    }),
  );
  const submit = (v: { memberships?: MembershipValues[] }) => {
    setProblem(null);
    const parsed = UserSetRoleInputSchema.safeParse({
      userId: user.id,
      memberships: (v.memberships ?? []).map(membershipInput),
    });
    if (!parsed.success) return setProblem(issuesError(parsed.error.issues));
    setRoles.mutate(parsed.data);
  };
  return (
    <Modal
      open
      title={t("user.rolesTitle", { name: user.name })}
      okText={t("common.save")}
      cancelText={t("common.cancel")}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={setRoles.isPending}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t("user.rolesIntro")}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          memberships: user.memberships.map((m) => ({ role: m.role, agencyId: m.agencyId, regionCode: m.regionCode })),
        }}
        onFinish={submit}
      >
        <Form.List name="memberships">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <fieldset key={field.key} className="fieldset membership-row">
                  <legend>{t("user.membership", { n: i + 1 })}</legend>
                  <MembershipFields prefix={[field.name]} role={memberships?.[field.name]?.role} />
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    disabled={fields.length <= 1}
                  >
                    {t("common.remove")}
                  </Button>
                </fieldset>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: "editor" })} block>
                {t("user.addRole")}
              </Button>
            </>
          )}
        </Form.List>
        <ErrorAlert error={problem ?? setRoles.error} />
      </Form>
    </Modal>
  );
}
