import { IMPORT_MAX_BYTES, type ImportFinding } from "@gongkai/schema";
import { finding, mb } from "./findings";

export interface ImportInput {
  /** The file: bytes as read (preferred: the importer sniffs the encoding) or already decoded text. */
  content: Uint8Array | ArrayBuffer | string;
  filename?: string;
  mediaType?: string;
}

export type Decoded =
  | { format: "html" | "script"; html: string; findings: ImportFinding[] }
  | { format: "text"; text: string; findings: ImportFinding[] }
  | { format: "docx"; bytes: Uint8Array; findings: ImportFinding[] }
  | { format: null; findings: ImportFinding[] };

const extOf = (name: string | undefined) => /\.([a-z0-9]{1,8})$/i.exec(name ?? "")?.[1]?.toLowerCase() ?? "";

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  if (bytes.length < sig.length) return false;
  return sig.every((b, i) => bytes[i] === b);
}

const unsupported = (zh: string, en: string): Decoded => ({
  format: null,
  findings: [
    finding(
      "input.unsupported",
      "error",
      `${zh}：无法导入。请提供网页（HTML）、Word（.docx）或纯文本文件。`,
      `${en}: cannot be imported. Provide a web page (HTML), a Word .docx file or plain text.`,
    ),
  ],
});

/** Names and uncompressed sizes from a ZIP's central directory (no decompression). */
export function zipEntries(bytes: Uint8Array): { name: string; size: number }[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const min = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  const out: { name: string; size: number }[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return out.length ? out : null;
    const size = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extra = view.getUint16(p + 30, true);
    const comment = view.getUint16(p + 32, true);
    out.push({ name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)), size });
    p += 46 + nameLength + extra + comment;
  }
  return out;
}

/** Uncompressed size a DOCX may unpack to: beyond this it is a zip bomb, not a report. */
const MAX_UNZIPPED = 200 * 1024 * 1024;

function sniffZip(bytes: Uint8Array): Decoded {
  const entries = zipEntries(bytes);
  if (!entries) return unsupported("文件是损坏的压缩包", "The file is a damaged ZIP archive");
  const names = new Set(entries.map((e) => e.name));
  if (names.has("word/document.xml")) {
    const total = entries.reduce((s, e) => s + e.size, 0);
    if (total > MAX_UNZIPPED) {
      return {
        format: null,
        findings: [
          finding(
            "input.tooLarge",
            "error",
            `该Word文件解压后达 ${mb(total)}，超过上限 ${mb(MAX_UNZIPPED)}，未读取。`,
            `This Word file unpacks to ${mb(total)}, over the ${mb(MAX_UNZIPPED)} limit; not read.`,
          ),
        ],
      };
    }
    return { format: "docx", bytes, findings: [] };
  }
  if (names.has("xl/workbook.xml")) return unsupported("文件是Excel工作簿", "The file is an Excel workbook");
  if ([...names].some((n) => n.startsWith("ppt/")))
    return unsupported("文件是PowerPoint演示文稿", "The file is a PowerPoint deck");
  if (names.has("content.xml"))
    return unsupported("文件是OpenDocument/WPS文档", "The file is an OpenDocument/WPS document");
  return unsupported("文件是压缩包", "The file is a ZIP archive");
}

function sniffBinary(bytes: Uint8Array): Decoded | null {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return sniffZip(bytes);
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return unsupported("文件是PDF", "The file is a PDF");
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
    return unsupported(
      "文件是旧版Word/Excel/WPS二进制格式（.doc/.xls/.wps），请另存为.docx",
      "The file is a legacy binary Word/Excel/WPS file (.doc/.xls/.wps); save it as .docx",
    );
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    startsWith(bytes, 0x47, 0x49, 0x46)
  )
    return unsupported("文件是图片", "The file is an image");
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66))
    return unsupported("文件是RTF文档", "The file is an RTF document");
  return null;
}

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head);
  return m ? (m[1] as string).toLowerCase() : null;
}

function tryDecode(bytes: Uint8Array, label: string, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-8 first (with or without BOM); a declared or guessed Chinese legacy encoding (GB18030 covers GBK/GB2312) next. */
function decodeBytes(bytes: Uint8Array): { text: string; findings: ImportFinding[] } {
  if (startsWith(bytes, 0xff, 0xfe)) return { text: tryDecode(bytes, "utf-16le", false) ?? "", findings: [] };
  if (startsWith(bytes, 0xfe, 0xff)) return { text: tryDecode(bytes, "utf-16be", false) ?? "", findings: [] };
  const utf8 = tryDecode(bytes, "utf-8", true);
  if (utf8 !== null) return { text: utf8.replace(/^\ufeff/, ""), findings: [] };
  const declared = declaredCharset(bytes);
  const legacy = declared && /gb|big5/.test(declared) ? (declared.includes("big5") ? "big5" : "gb18030") : "gb18030";
  const text = tryDecode(bytes, legacy, false) ?? tryDecode(bytes, "utf-8", false) ?? "";
  return {
    text,
    findings: [
      finding(
        "input.encoding",
        "info",
        `文件不是UTF-8编码，已按 ${legacy.toUpperCase()} 解码。`,
        `The file is not UTF-8; decoded as ${legacy.toUpperCase()}.`,
      ),
    ],
  };
}

/** Control characters and U+FFFD in the first 16k characters: text has almost none, binary data has many. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 16_384);
  if (sample.length === 0) return false;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return bad / sample.length > 0.02;
}

const HTML_TAG = /<(?:!doctype\s+html|html|head|body|table|tbody|tr|td|p|div|span|br|h[1-6]|section|article)\b[^>]*>/i;

function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 65_536);
  const tags = head.match(/<\/?[a-z][a-z0-9]*\b[^<>]*>/gi)?.length ?? 0;
  return HTML_TAG.test(head) && tags >= 3;
}

function looksLikeScript(text: string): boolean {
  return /^\s*(?:\/\/|\/\*|var\s|let\s|const\s|function[\s(]|window\.|document\.|export\s|\(function|[{[]\s*["{[])/.test(
    text.slice(0, 2000),
  );
}

/**
 * HTML carried inside a JavaScript (or JSON) string — a site that renders its report with script.
 * Reads every string literal (escapes decoded, `"a" + "b"` joined) and returns the longest that
 * holds HTML markup. Linear in the input; no evaluation.
 */
export function htmlFromScript(src: string): string | null {
  const literals: string[] = [];
  let i = 0;
  const n = src.length;
  let pendingJoin = false;
  while (i < n) {
    const c = src[i] as string;
    if (c === "/" && src[i + 1] === "/") {
      const end = src.indexOf("\n", i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === "/" && src[i + 1] === "*") {
      const end = src.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === '"' || c === "'" || c === "`") {
      const quote = c;
      const parts: string[] = [];
      let j = i + 1;
      while (j < n && src[j] !== quote) {
        const d = src[j] as string;
        if (d === "\\" && j + 1 < n) {
          const e = src[j + 1] as string;
          j += 2;
          if (e === "n") parts.push("\n");
          else if (e === "r") parts.push("\r");
          else if (e === "t") parts.push("\t");
          else if (e === "b" || e === "f" || e === "v") parts.push(" ");
          else if (e === "0") parts.push("\0");
          else if (e === "\n") {
            /* line continuation */
          } else if (e === "x" && /^[0-9a-f]{2}$/i.test(src.slice(j, j + 2))) {
            parts.push(String.fromCharCode(Number.parseInt(src.slice(j, j + 2), 16)));
            j += 2;
          } else if (e === "u" && src[j] === "{") {
            const close = src.indexOf("}", j);
            const cp = Number.parseInt(src.slice(j + 1, close), 16);
            parts.push(Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : "");
            j = close < 0 ? n : close + 1;
          } else if (e === "u" && /^[0-9a-f]{4}$/i.test(src.slice(j, j + 4))) {
            parts.push(String.fromCharCode(Number.parseInt(src.slice(j, j + 4), 16)));
            j += 4;
          } else parts.push(e);
          continue;
        }
        if ((d === "\n" || d === "\r") && quote !== "`") break;
        parts.push(d);
        j++;
      }
      const value = parts.join("");
      if (pendingJoin && literals.length) literals[literals.length - 1] += value;
      else literals.push(value);
      i = j + 1;
      // `"…" + "…"`: the next literal continues this one.
      let k = i;
      while (k < n && /\s/.test(src[k] as string)) k++;
      pendingJoin = src[k] === "+";
      if (pendingJoin) i = k + 1;
      continue;
    }
    if (!/\s/.test(c)) pendingJoin = false;
    i++;
  }
  let best: string | null = null;
  for (const l of literals) {
    if (l.length > 200 && looksLikeHtml(l) && (best === null || l.length > best.length)) best = l;
  }
  return best;
}

/** Bytes or text in, the kind of document and its text out — or findings that say why not. */
export function decodeInput(input: ImportInput, maxBytes = IMPORT_MAX_BYTES): Decoded {
  const { content } = input;
  const ext = extOf(input.filename);
  const media = (input.mediaType ?? "").toLowerCase();
  const size = typeof content === "string" ? content.length : content.byteLength;
  if (size > maxBytes) {
    return {
      format: null,
      findings: [
        finding(
          "input.tooLarge",
          "error",
          `文件大小 ${mb(size)}，超过上限 ${mb(maxBytes)}，未读取。年度报告网页通常小于 1 MB。`,
          `The file is ${mb(size)}, over the ${mb(maxBytes)} limit; not read. Annual report pages are usually under 1 MB.`,
        ),
      ],
    };
  }
  let text: string;
  const findings: ImportFinding[] = [];
  if (typeof content === "string") {
    text = content.replace(/^\ufeff/, "");
  } else {
    const bytes = content instanceof Uint8Array ? content : new Uint8Array(content);
    if (bytes.length === 0) return empty();
    const binary = sniffBinary(bytes);
    if (binary) return binary;
    if (ext === "docx" || media.includes("wordprocessingml")) {
      return unsupported("文件扩展名为.docx，但内容不是Word文档", "The file is named .docx but is not a Word document");
    }
    const decoded = decodeBytes(bytes);
    text = decoded.text;
    findings.push(...decoded.findings);
  }
  if (text.trim() === "") return empty();
  if (looksBinary(text)) {
    return {
      format: null,
      findings: [
        finding(
          "input.binary",
          "error",
          "文件内容不是文字（二进制数据或乱码），无法导入。",
          "The file is not text (binary data or garbled); cannot be imported.",
        ),
      ],
    };
  }
  const scriptHint = ["js", "mjs", "json"].includes(ext) || /javascript|json/.test(media);
  if (scriptHint || (looksLikeScript(text) && !/^\s*</.test(text))) {
    const html = htmlFromScript(text);
    if (html) {
      findings.push(
        finding(
          "input.embedded",
          "info",
          "报告的网页内容取自脚本文件中的字符串（页面由脚本生成）。",
          "The report's HTML was taken from a string in a script file (a page rendered by JavaScript).",
        ),
      );
      return { format: "script", html, findings };
    }
  }
  const htmlHint = ["html", "htm", "xhtml", "shtml", "mht"].includes(ext) || media.includes("html");
  if (looksLikeHtml(text) || (htmlHint && /<[a-z]/i.test(text))) return { format: "html", html: text, findings };
  return { format: "text", text, findings };
}

function empty(): Decoded {
  return {
    format: null,
    findings: [
      finding("input.empty", "error", "文件为空，没有可导入的内容。", "The file is empty: nothing to import."),
    ],
  };
}
