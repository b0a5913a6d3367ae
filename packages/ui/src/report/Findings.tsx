import type { Finding } from "@gongkai/schema";
import { ruleById } from "@gongkai/schema/meta";
import { useI18n } from "../i18n";

/** The data-quality panel: every finding in plain words; choosing one marks its cells. */
export function FindingsPanel({
  findings,
  selected,
  onSelect,
}: {
  findings: readonly Finding[];
  selected?: number | null;
  onSelect?: (index: number | null, finding: Finding | null) => void;
}) {
  const { t, l, locale } = useI18n();
  const errors = findings.filter((f) => f.severity === "error").length;
  return (
    <section className="gk-findings" aria-labelledby="gk-findings-title">
      <h2 id="gk-findings-title">{t("findings.title")}</h2>
      {findings.length === 0 ? (
        <p className="gk-findings-ok">{t("findings.none")}</p>
      ) : (
        <>
          <p>{t("findings.summary", { errors, warnings: findings.length - errors })}</p>
          <ol className="gk-findings-list">
            {findings.map((f, i) => {
              const rule = ruleById[f.ruleId];
              const active = selected === i;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; their order is fixed
                <li key={i} className={`gk-finding gk-finding-${f.severity}${active ? " gk-finding-active" : ""}`}>
                  <span className={`gk-badge gk-badge-${f.severity}`}>{t(`findings.${f.severity}`)}</span>{" "}
                  <span className="gk-rule">
                    {t("findings.rule", { id: f.ruleId })}
                    {rule ? ` · ${l(rule.title)}` : ""}
                  </span>
                  <p className="gk-finding-message" lang={locale === "zh" ? "zh-CN" : "en"}>
                    {f.message[locale]}
                  </p>
                  {f.cells.length > 0 && onSelect && (
                    <button
                      type="button"
                      className="gk-link-button"
                      aria-pressed={active}
                      onClick={() => onSelect(active ? null : i, active ? null : f)}
                    >
                      {t("findings.show")} ({t("findings.cells", { n: f.cells.length })})
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
