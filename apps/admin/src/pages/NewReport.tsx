import { editionForYear } from "@gongkai/schema/meta";
import { useI18n } from "@gongkai/ui";
import { useMutation } from "@tanstack/react-query";
import { getRouteApi, useNavigate } from "@tanstack/react-router";
import { Alert, Button, Card, Form, Select, Typography } from "antd";
import { useState } from "react";
import { latestYear, PageTitle, yearOptions } from "../components/common";
import { describeError } from "../lib/errors";
import { useMe } from "../lib/me";
import { editorAgencies } from "../lib/roles";
import { useSettings } from "../lib/settings";
import { useTrpc } from "../lib/trpc";

const route = getRouteApi("/app/reports/new");

/** Start a year's report: the right edition's empty template, 上年结转 filled from last year. */
export function NewReportPage() {
  const { t } = useI18n();
  const { locale } = useSettings();
  const me = useMe();
  const trpc = useTrpc();
  const navigate = useNavigate();
  const search = route.useSearch();
  const agencies = editorAgencies(me);
  const [agency, setAgency] = useState(search.agency ?? agencies[0]?.agencyId ?? undefined);
  const [year, setYear] = useState(search.year ?? latestYear());
  const create = useMutation(
    trpc.reports.create.mutationOptions({
      onSuccess: (draft) => void navigate({ to: "/reports/$id", params: { id: draft.id } }),
    }),
  );
  const edition = editionForYear(year);
  if (agencies.length === 0) return <Alert type="info" showIcon title={t("new.notEditor")} />;
  return (
    <div className="page narrow">
      <PageTitle>{t("new.title")}</PageTitle>
      <Card>
        <Form layout="vertical" onFinish={() => agency && create.mutate({ agencyId: agency, year })}>
          <Form.Item label={t("new.agency")} required>
            <Select
              value={agency}
              onChange={setAgency}
              options={agencies.map((m) => ({ value: m.agencyId as string, label: m.agencyName ?? m.agencyId }))}
              aria-label={t("new.agency")}
            />
          </Form.Item>
          <Form.Item label={t("new.year")} required extra={edition ? t("new.edition", { edition }) : undefined}>
            <Select
              value={year}
              onChange={setYear}
              options={yearOptions().map((y) => ({ value: y, label: String(y) }))}
              aria-label={t("new.year")}
            />
          </Form.Item>
          <Typography.Paragraph type="secondary">{t("new.explain")}</Typography.Paragraph>
          {create.error && (
            <Alert type="error" showIcon title={describeError(create.error, locale)} className="gap" role="alert" />
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending} disabled={!agency}>
            {t("new.create")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
