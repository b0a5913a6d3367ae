export { reportCsv, rowsToCsv } from "./csv";
export { reportDocx } from "./docx";
export { type ExportFormat, exportFileName, exportFormats, mediaTypes } from "./files";
export { type Grid, type GridCell, reportGrids, t2Grid, t3Grid, t4Grid } from "./grid";
export { type LongRow, longRows, rowLabel } from "./long";
export { type ExportOptions, reportTitle } from "./text";
export { reportXlsx } from "./xlsx";
