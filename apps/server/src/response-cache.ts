import { gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { LRUCache } from "lru-cache";

interface Entry {
  body: Uint8Array;
  /** The body gzipped once when stored, for clients that accept it (most do). */
  gzip: Uint8Array | null;
  status: number;
  headers: Record<string, string>;
}

export interface ResponseCache {
  /** Serves repeated GETs from memory; stores successful answers of the handlers after it. */
  middleware: MiddlewareHandler;
  /** Forget everything (published data changed in this process). */
  clear(): void;
  readonly size: number;
}

const acceptsGzip = (header: string | undefined) =>
  !!header && /\bgzip\b/i.test(header) && !/\bgzip\s*;\s*q=0(\.0*)?\b/i.test(header);

/**
 * Portal answers are public and change only when something is published, corrected or renamed.
 * Kept in memory for a short time (shorter than the minute shared caches are already allowed) and
 * dropped at once when this process changes published data; other instances catch up within the TTL.
 */
export function createResponseCache(options: { ttlMs: number; maxBytes: number }): ResponseCache {
  const cache = new LRUCache<string, Entry>({
    ttl: options.ttlMs,
    maxSize: options.maxBytes,
    sizeCalculation: (e) => Math.max(1, e.body.byteLength + (e.gzip?.byteLength ?? 0)),
  });
  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== "GET") return next();
    const key = c.req.url.slice(c.req.url.indexOf("/", 8));
    const hit = cache.get(key);
    if (hit) {
      const headers: Record<string, string> = { ...hit.headers, "x-cache": "hit" };
      if (hit.gzip && acceptsGzip(c.req.header("accept-encoding"))) {
        headers["content-encoding"] = "gzip";
        return c.body(hit.gzip.slice(), hit.status as 200, headers);
      }
      return c.body(hit.body.slice(), hit.status as 200, headers);
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || res.headers.has("set-cookie") || res.headers.has("content-encoding")) return;
    const body = new Uint8Array(await res.clone().arrayBuffer());
    if (body.byteLength > options.maxBytes / 16) return;
    const headers: Record<string, string> = {};
    for (const [k, v] of res.headers) if (k !== "content-length") headers[k] = v;
    const gzip = body.byteLength >= 1024 ? new Uint8Array(gzipSync(body)) : null;
    if (gzip) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
    cache.set(key, { body, gzip, status: res.status, headers });
  };
  return {
    middleware,
    clear: () => cache.clear(),
    get size() {
      return cache.size;
    },
  };
}
