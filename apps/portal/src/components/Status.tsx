import { useI18n } from "@gongkai/ui";
import { Link } from "@tanstack/react-router";
import { SearchBox } from "./SearchBox";

export function NotFoundView() {
  const { t } = useI18n();
  return (
    <div className="page narrow">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <SearchBox />
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </div>
  );
}

export function ErrorView({ reset }: { reset?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="page narrow" role="alert">
      <h1>{t("error.title")}</h1>
      <p>{t("error.body")}</p>
      <button type="button" className="button" onClick={() => (reset ? reset() : window.location.reload())}>
        {t("error.retry")}
      </button>
    </div>
  );
}
