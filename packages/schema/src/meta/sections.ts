import { type Label, label } from "./text";

export const sectionKeys = ["overview", "proactive", "requests", "reviewLitigation", "problems", "other"] as const;
export type SectionKey = (typeof sectionKeys)[number];

/** The six headings of the national template, verbatim (identical in both editions). */
export const officialHeadings: Record<SectionKey, Label> = {
  overview: label("一、总体情况", "1. Overview"),
  proactive: label("二、主动公开政府信息情况", "2. Proactive disclosure"),
  requests: label("三、收到和处理政府信息公开申请情况", "3. Disclosure requests received and handled"),
  reviewLitigation: label(
    "四、政府信息公开行政复议、行政诉讼情况",
    "4. Administrative review and litigation over disclosure",
  ),
  problems: label("五、存在的主要问题及改进情况", "5. Main problems and improvements"),
  other: label("六、其他需要报告的事项", "6. Other matters to report"),
};

/** Sections whose body is a table; their `text` is narrative written beside it. */
export const tableSections = {
  proactive: "t2",
  requests: "t3",
  reviewLitigation: "t4",
} as const satisfies Partial<Record<SectionKey, "t2" | "t3" | "t4">>;
