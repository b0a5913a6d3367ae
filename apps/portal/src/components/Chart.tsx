import { useI18n } from "@gongkai/ui";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import type { ChartSpec } from "./chart-spec";

const EChart = lazy(() => import("./EChart"));

/**
 * ECharts is loaded only on pages with charts, only in the browser, and only once the chart is
 * about to be seen (it is the largest download of the site: a phone reading the table above it
 * never pays for it).
 */
export function Chart({ spec, label }: { spec: ChartSpec; label: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof IntersectionObserver === "undefined") {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: "200px" },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const fallback = (
    <div className="chart-placeholder" role="img" aria-label={label}>
      {t("chart.loading")}
    </div>
  );
  return (
    <figure className="chart" ref={ref}>
      {visible ? (
        <Suspense fallback={fallback}>
          <EChart spec={spec} label={label} />
        </Suspense>
      ) : (
        fallback
      )}
    </figure>
  );
}
