/** Search-param readers: everything a view shows lives in the URL, so any view can be shared. */
export const str = (v: unknown): string | undefined =>
  typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;
export const int = (v: unknown): number | undefined => {
  const n = typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : Number.NaN;
  return Number.isInteger(n) ? n : undefined;
};
export const list = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map(String).filter(Boolean)
    : typeof v === "string"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : typeof v === "number"
        ? [String(v)]
        : [];
export const oneOf = <T extends string>(v: unknown, options: readonly T[]): T | undefined =>
  typeof v === "string" && (options as readonly string[]).includes(v) ? (v as T) : undefined;

/** A NOT_FOUND from the API, on the server (TRPCError) or in the browser (TRPCClientError). */
export function isNotFound(e: unknown): boolean {
  const err = e as { code?: string; data?: { code?: string } } | null;
  return err?.code === "NOT_FOUND" || err?.data?.code === "NOT_FOUND";
}

export function isBadRequest(e: unknown): boolean {
  const err = e as { code?: string; data?: { code?: string } } | null;
  return err?.code === "BAD_REQUEST" || err?.data?.code === "BAD_REQUEST";
}
