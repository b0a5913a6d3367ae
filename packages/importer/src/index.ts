export { docxToHtml } from "./docx";
export { type Block, parseHtml, type SourceCell, type SourceTable, sanitizedSource } from "./html";
export {
  type ImportOptions,
  type ImportResult,
  importReport,
  importSync,
  placeholderAgency,
  withAgency,
} from "./import";
export { decodeInput, htmlFromScript, type ImportInput } from "./input";
export { readCell } from "./numbers";
