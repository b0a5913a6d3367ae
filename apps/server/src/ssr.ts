import { existsSync, readFileSync } from "node:fs";
import { extname, join, normalize, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { AnyTRPCRouter } from "@trpc/server";

/** The contract of apps/portal/src/entry-server.tsx (built to dist/server/entry-server.js). */
export interface PortalRenderer {
  render(input: {
    url: string;
    api: { router: AnyTRPCRouter; ctx: unknown };
    locale: "zh" | "en";
    today: string;
    manifest?: ViteManifest | undefined;
  }): Promise<{ status: 200 | 302 | 404 | 500; location?: string; head: string; html: string; state: string }>;
}

export type ViteManifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }>;

/** A built portal: its HTML template, its static files and its server renderer. */
export interface Portal {
  dir: string;
  template: { before: string; afterHead: string; afterHtml: string; after: string };
  manifest: ViteManifest | undefined;
  renderer: PortalRenderer;
}

/**
 * Loads apps/portal/dist when it has been built (client/ for the browser, server/ for SSR).
 * Returns null when it has not: the server then answers / with a short landing page.
 */
export async function loadPortal(distDir: string): Promise<Portal | null> {
  const dir = resolve(distDir);
  const indexFile = join(dir, "client", "index.html");
  const serverEntry = join(dir, "server", "entry-server.js");
  if (!existsSync(indexFile) || !existsSync(serverEntry)) return null;
  const html = readFileSync(indexFile, "utf8");
  const [before, rest1] = split(html, "<!--app-head-->");
  const [afterHead, rest2] = split(rest1, "<!--app-html-->");
  const [afterHtml, after] = split(rest2, "<!--app-state-->");
  const manifestFile = join(dir, "client", ".vite", "manifest.json");
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, "utf8")) as ViteManifest)
    : undefined;
  const renderer = (await import(pathToFileURL(serverEntry).href)) as PortalRenderer;
  return { dir: join(dir, "client"), template: { before, afterHead, afterHtml, after }, manifest, renderer };
}

function split(text: string, marker: string): [string, string] {
  const i = text.indexOf(marker);
  if (i < 0) throw new Error(`portal index.html has no ${marker}: rebuild apps/portal`);
  return [text.slice(0, i), text.slice(i + marker.length)];
}

/** The page as HTML: the template with the rendered head, body and state put in. */
export function pageHtml(
  portal: Portal,
  locale: "zh" | "en",
  page: { head: string; html: string; state: string },
): string {
  const t = portal.template;
  const before = t.before.replace('<html lang="zh-CN">', `<html lang="${locale === "zh" ? "zh-CN" : "en"}">`);
  return before + page.head + t.afterHead + page.html + t.afterHtml + page.state + t.after;
}

/** The visitor's language: ?lang= wins, then the gk-lang cookie the language switch sets, then Chinese. */
export function pickLocale(query: string | undefined, cookieHeader: string | undefined): "zh" | "en" {
  if (query === "en" || query === "zh") return query;
  const cookie = cookieHeader?.match(/(?:^|;\s*)gk-lang=(zh|en)(?:;|$)/)?.[1];
  return cookie === "en" ? "en" : "zh";
}

/** Today in China (deadlines are Beijing dates), as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".map": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const COMPRESSIBLE = new Set([".js", ".css", ".svg", ".json", ".map", ".txt", ".html"]);
/** Built files never change while the server runs: each is read and compressed once. */
const fileCache = new Map<string, { raw: Buffer; br?: Buffer; gzip?: Buffer }>();

function cachedFile(file: string) {
  let entry = fileCache.get(file);
  if (!entry) {
    const raw = readFileSync(file);
    entry = { raw };
    if (COMPRESSIBLE.has(extname(file)) && raw.length > 1024) {
      entry.br = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
      entry.gzip = gzipSync(raw, { level: 9 });
    }
    fileCache.set(file, entry);
  }
  return entry;
}

/**
 * A file of a built front end, if `path` names one (never outside `dir`, never index.html),
 * compressed with brotli or gzip when the browser accepts it.
 */
export function staticFile(
  dir: string,
  path: string,
  acceptEncoding = "",
): { body: Buffer; headers: Record<string, string> } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const rel = normalize(decoded || "/").replace(/^(\.\.[/\\])+/, "");
  if (rel === "/" || rel === "/index.html" || rel.startsWith("/.vite") || !extname(rel)) return null;
  const file = join(dir, rel);
  if (!file.startsWith(dir) || !existsSync(file)) return null;
  const entry = cachedFile(file);
  const headers: Record<string, string> = {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    // Vite puts a content hash in every asset name: those never change.
    "cache-control": rel.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
  };
  if (!entry.br || !entry.gzip) return { body: entry.raw, headers };
  headers.vary = "Accept-Encoding";
  if (/\bbr\b/.test(acceptEncoding)) return { body: entry.br, headers: { ...headers, "content-encoding": "br" } };
  if (/\bgzip\b/.test(acceptEncoding)) return { body: entry.gzip, headers: { ...headers, "content-encoding": "gzip" } };
  return { body: entry.raw, headers };
}
