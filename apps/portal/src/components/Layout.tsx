import { useI18n } from "@gongkai/ui";
import { Link, Outlet } from "@tanstack/react-router";
import { useApp } from "../lib/app-context";
import { SearchBox } from "./SearchBox";

const nav = [
  { to: "/", key: "nav.home" },
  { to: "/browse", key: "nav.browse" },
  { to: "/compare", key: "nav.compare" },
  { to: "/metrics", key: "nav.metrics" },
  { to: "/compliance", key: "nav.compliance" },
  { to: "/data", key: "nav.data" },
] as const;

export function Layout() {
  const { t, locale } = useI18n();
  const { setLocale } = useApp();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("site.skip")}
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              公
            </span>
            <span className="brand-text">
              <span className="brand-name">{t("site.name")}</span>
              <span className="brand-tagline">{t("site.tagline")}</span>
            </span>
          </Link>
          <div className="header-tools">
            <SearchBox compact />
            <button
              type="button"
              className="lang-switch"
              lang={locale === "zh" ? "en" : "zh-CN"}
              aria-label={t("lang.switchLabel")}
              onClick={() => setLocale(locale === "zh" ? "en" : "zh")}
            >
              {t("lang.switch")}
            </button>
          </div>
        </div>
        <nav className="site-nav" aria-label={t("nav.label")}>
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <Link
                  to={n.to}
                  activeOptions={{ exact: n.to === "/" }}
                  activeProps={{ "aria-current": "page", className: "active" }}
                >
                  {t(n.key)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>{t("footer.about")}</p>
        <p>{t("footer.source")}</p>
      </footer>
    </>
  );
}
