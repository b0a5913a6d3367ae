/** What a chart shows, independent of the chart library. */
export interface ChartSpec {
  kind: "bar" | "line";
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
  /** Format for axis labels and tooltips. */
  percent?: boolean;
}
