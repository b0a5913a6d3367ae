export { formatCell, formatCount, formatDate, formatDecimal, formatMetric, formatShare } from "./format";
export { I18nProvider, type MessageBundle, type Messages, useI18n } from "./i18n";
export { uiMessages } from "./messages";
export type { CellMarks, CellRender } from "./report/cell";
export { FindingsPanel } from "./report/Findings";
export { OfficialReport, type OfficialReportProps } from "./report/OfficialReport";
export { Table2, Table3, Table4 } from "./report/tables";
