import { useI18n } from "@gongkai/ui";
import { Link } from "@tanstack/react-router";

export function Pagination({
  page,
  total,
  pageSize,
  to,
  search,
}: {
  page: number;
  total: number;
  pageSize: number;
  to: string;
  search: Record<string, unknown>;
}) {
  const { t } = useI18n();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("page.label")}>
      {page > 1 ? (
        <Link to={to} search={{ ...search, page: page - 1 }} rel="prev">
          {t("page.prev")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("page.prev")}</span>
      )}
      <span>{t("page.of", { page, pages })}</span>
      {page < pages ? (
        <Link to={to} search={{ ...search, page: page + 1 }} rel="next">
          {t("page.next")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("page.next")}</span>
      )}
    </nav>
  );
}
