import { BarChart, LineChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { ChartSpec } from "./chart-spec";

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const palette = ["#1f5fa8", "#b3261e", "#2e7d4f", "#8a5a00", "#6b3fa0", "#0f7b8a"];

export default function EChart({ spec, label }: { spec: ChartSpec; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    const fmt = (v: number) => (spec.percent ? `${(v * 100).toFixed(1)}%` : v.toLocaleString());
    chart.setOption({
      color: palette,
      aria: { enabled: true, label: { description: label } },
      animation: false,
      grid: { left: 8, right: 16, top: spec.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => (typeof v === "number" ? fmt(v) : "—") },
      legend: spec.series.length > 1 ? { top: 0 } : undefined,
      xAxis: { type: "category", data: spec.categories, axisLabel: { hideOverlap: true } },
      yAxis: { type: "value", axisLabel: { formatter: (v: number) => fmt(v) } },
      series: spec.series.map((s) => ({
        name: s.name,
        type: spec.kind,
        data: s.values,
        connectNulls: false,
        barMaxWidth: 36,
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [spec, label]);
  return <div ref={ref} className="echart" role="img" aria-label={label} data-chart="ready" />;
}
