import { useI18n } from "@gongkai/ui";
import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";

/** A real form: it works without JavaScript (GET /search?q=…) and navigates in place with it. */
export function SearchBox({ compact = false, initial = "" }: { compact?: boolean; initial?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial);
  const id = useId();
  return (
    <search className={compact ? "search-landmark search-landmark-compact" : "search-landmark"}>
      <form
        action="/search"
        method="get"
        className={compact ? "search search-compact" : "search"}
        onSubmit={(e) => {
          e.preventDefault();
          if (q.trim()) void navigate({ to: "/search", search: { q: q.trim() } });
        }}
      >
        <label htmlFor={id} className={compact ? "visually-hidden" : "search-label"}>
          {t("search.label")}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          value={q}
          placeholder={t(compact ? "search.placeholderShort" : "search.placeholder")}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
        />
        <button type="submit">{t("search.submit")}</button>
      </form>
    </search>
  );
}
