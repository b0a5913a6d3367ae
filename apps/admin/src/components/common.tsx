import { daysBetween, type RuleId, ruleById } from "@gongkai/schema/meta";
import { formatDate, useI18n } from "@gongkai/ui";
import { Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { chinaToday } from "../lib/settings";

const stateColors: Record<string, string> = {
  draft: "default",
  submitted: "processing",
  approved: "cyan",
  scheduled: "purple",
  published: "success",
};

export function StateTag({ state }: { state: string }) {
  const { t } = useI18n();
  return (
    <Tag color={stateColors[state] ?? "default"} className="state-tag" data-state={state}>
      {t(`state.${state}`)}
    </Tag>
  );
}

/** "12 days left" / "3 days late", against the configured deadline. */
export function Deadline({ deadline, done }: { deadline: string; done?: boolean }) {
  const { t, locale } = useI18n();
  const days = daysBetween(chinaToday(), deadline);
  const date = formatDate(deadline, locale);
  if (done) return <span>{date}</span>;
  if (days < 0)
    return (
      <span>
        {date} <Typography.Text type="danger">{t("deadline.late", { n: -days })}</Typography.Text>
      </span>
    );
  return (
    <span>
      {date}{" "}
      <Typography.Text type={days <= 14 ? "warning" : "secondary"}>
        {days === 0 ? t("deadline.today") : t("deadline.left", { n: days })}
      </Typography.Text>
    </span>
  );
}

export function PageTitle({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <Typography.Title level={1}>{children}</Typography.Title>
      {extra && <div className="page-title-extra">{extra}</div>}
    </div>
  );
}

/** The latest report year that is due: reports for year Y are published in Y+1. */
export const latestYear = () => Number(chinaToday().slice(0, 4)) - 1;
export const yearOptions = () => Array.from({ length: latestYear() - 2018 }, (_, i) => latestYear() - i);

/** A rule's title from the catalogue, in the reader's language. */
export function RuleTitle({ id }: { id: string }) {
  const { l } = useI18n();
  const rule = ruleById[id as RuleId];
  return <span>{rule ? l(rule.title) : id}</span>;
}
