import {
  AuditOutlined,
  BankOutlined,
  DashboardOutlined,
  FileAddOutlined,
  ImportOutlined,
  LogoutOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  WarningOutlined,
} from "@ant-design/icons";
import { useI18n } from "@gongkai/ui";
import { useQueryClient } from "@tanstack/react-query";
import { Link, Outlet, useNavigate, useRouterState } from "@tanstack/react-router";
import { Button, Layout, Menu, Space, Typography } from "antd";
import type { ReactNode } from "react";
import { useState } from "react";
import { authClient } from "../lib/auth";
import { useMe } from "../lib/me";
import { editorAgencies, isAdmin, isOversight } from "../lib/roles";
import { useSettings } from "../lib/settings";

interface NavItem {
  key: string;
  to: string;
  label: string;
  icon: ReactNode;
}

/** The console's frame: navigation shows only what the user's roles allow. */
export function Shell() {
  const { t } = useI18n();
  const me = useMe();
  const { locale, setLocale } = useSettings();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const path = useRouterState({ select: (s) => s.location.pathname });
  const [collapsed, setCollapsed] = useState(false);
  const items: NavItem[] = [{ key: "/", to: "/", label: t("nav.dashboard"), icon: <DashboardOutlined /> }];
  // Importing creates a draft, and the API lets only editors preview a file: the same people as 新建报告.
  if (editorAgencies(me).length) {
    items.push({ key: "/reports/new", to: "/reports/new", label: t("nav.newReport"), icon: <FileAddOutlined /> });
    items.push({ key: "/imports", to: "/imports", label: t("nav.imports"), icon: <ImportOutlined /> });
  }
  if (isOversight(me) || isAdmin(me)) {
    items.push({
      key: "/compliance",
      to: "/compliance",
      label: t("nav.compliance"),
      icon: <SafetyCertificateOutlined />,
    });
    items.push({ key: "/quality", to: "/quality", label: t("nav.quality"), icon: <WarningOutlined /> });
    items.push({ key: "/audit", to: "/audit", label: t("nav.audit"), icon: <AuditOutlined /> });
  }
  if (isAdmin(me)) {
    items.push({ key: "/agencies", to: "/agencies", label: t("nav.agencies"), icon: <BankOutlined /> });
    items.push({ key: "/users", to: "/users", label: t("nav.users"), icon: <TeamOutlined /> });
  }
  const relative = path.replace(/^\/admin/, "") || "/";
  const selected = items
    .filter((i) => (i.key === "/" ? relative === "/" : relative.startsWith(i.key)))
    .map((i) => i.key);
  const signOut = async () => {
    await authClient.signOut();
    queryClient.clear();
    await navigate({ to: "/sign-in", search: {} });
  };
  return (
    <Layout className="shell">
      <a className="skip-link" href="#content">
        {t("site.skip")}
      </a>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={216}
        className="shell-sider"
        trigger={null}
      >
        <div className="shell-brand">
          <span className="brand-mark" aria-hidden="true">
            公
          </span>
          <span>
            <strong>{t("site.name")}</strong>
            <br />
            <small>{t("site.console")}</small>
          </span>
        </div>
        <nav aria-label={t("nav.label")}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={selected}
            items={items.map((i) => ({ key: i.key, icon: i.icon, label: <Link to={i.to}>{i.label}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="shell-header">
          <Button
            type="text"
            className="shell-menu-toggle"
            aria-label={t("nav.toggle")}
            aria-expanded={!collapsed}
            onClick={() => setCollapsed((c) => !c)}
          >
            ☰
          </Button>
          <Space size="middle" wrap className="shell-user">
            <Typography.Text>
              {me.name}{" "}
              <Typography.Text type="secondary" className="shell-email">
                {me.email}
              </Typography.Text>
            </Typography.Text>
            <Button
              size="small"
              lang={locale === "zh" ? "en" : "zh-CN"}
              onClick={() => setLocale(locale === "zh" ? "en" : "zh")}
            >
              {t("lang.switch")}
            </Button>
            <Button size="small" icon={<LogoutOutlined />} onClick={() => void signOut()}>
              {t("auth.signOut")}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content id="content" tabIndex={-1} className="shell-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
