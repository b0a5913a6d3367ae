import { useI18n } from "@gongkai/ui";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { authClient } from "../lib/auth";
import { useSettings } from "../lib/settings";

const route = getRouteApi("/sign-in");

export function SignInPage() {
  const { t } = useI18n();
  const { locale, setLocale } = useSettings();
  const { next, expired } = route.useSearch();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: { email: string; password: string }) => {
    setBusy(true);
    setError(null);
    const { error: failed } = await authClient.signIn.email({ email: values.email.trim(), password: values.password });
    setBusy(false);
    if (failed) {
      setError(failed.status === 429 ? t("auth.tooMany") : t("auth.failed"));
      return;
    }
    queryClient.clear();
    await navigate({ to: next ?? "/" });
  };
  return (
    <main className="sign-in">
      <Card className="sign-in-card">
        <div className="shell-brand sign-in-brand">
          <span className="brand-mark" aria-hidden="true">
            公
          </span>
          <span>
            <strong>{t("site.name")}</strong>
            <br />
            <small>{t("site.console")}</small>
          </span>
        </div>
        <Typography.Title level={1} className="sign-in-title">
          {t("auth.title")}
        </Typography.Title>
        {expired && <Alert type="info" showIcon title={t("auth.expired")} className="gap" />}
        {error && <Alert type="error" showIcon title={error} className="gap" role="alert" />}
        <Form layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
          <Form.Item
            label={t("auth.email")}
            name="email"
            rules={[{ required: true, type: "email", message: t("auth.emailInvalid") }]}
          >
            <Input autoComplete="username" type="email" autoFocus />
          </Form.Item>
          <Form.Item
            label={t("auth.password")}
            name="password"
            rules={[{ required: true, message: t("auth.passwordMissing") }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t("auth.signIn")}
          </Button>
        </Form>
        <p className="sign-in-foot">
          <Button
            type="link"
            size="small"
            lang={locale === "zh" ? "en" : "zh-CN"}
            onClick={() => setLocale(locale === "zh" ? "en" : "zh")}
          >
            {t("lang.switch")}
          </Button>
          · <a href="/">{t("auth.portal")}</a>
        </p>
      </Card>
    </main>
  );
}
