import type { Locale } from "@gongkai/schema/meta";

interface ApiErrorShape {
  message?: string;
  data?: {
    code?: string;
    httpStatus?: number;
    messageZh?: string | null;
    details?: unknown;
    issues?: { path: string[]; message: string }[] | null;
  } | null;
}

export const errorCode = (e: unknown): string | undefined => (e as ApiErrorShape | null)?.data?.code;
export const isUnauthorized = (e: unknown) => errorCode(e) === "UNAUTHORIZED";
/** Not there, or not yours: the console says the same for both (no probing for other agencies' drafts). */
export const isNotFound = (e: unknown) => errorCode(e) === "NOT_FOUND" || errorCode(e) === "FORBIDDEN";
export const isConflict = (e: unknown) => errorCode(e) === "CONFLICT";
export const errorDetails = <T>(e: unknown): T | undefined =>
  (e as ApiErrorShape | null)?.data?.details as T | undefined;

/**
 * What went wrong, in the reader's language: the API sends every domain error in English
 * (message) and Chinese (messageZh); input errors list the field and what is wrong with it.
 */
export function describeError(e: unknown, locale: Locale): string {
  const err = e as ApiErrorShape | null;
  if (!err) return locale === "zh" ? "未知错误" : "Unknown error";
  const issues = err.data?.issues;
  if (issues?.length) {
    // zod messages of the schema are bilingual: "english / 中文".
    const pick = (m: string) => {
      const [en, zh] = m.split(" / ");
      return locale === "zh" ? (zh ?? en ?? m) : (en ?? m);
    };
    return issues.map((i) => `${i.path.join(".") || "—"}: ${pick(i.message)}`).join("；");
  }
  if (locale === "zh" && err.data?.messageZh) return err.data.messageZh;
  if (err.message && !err.message.startsWith("[")) return err.message;
  if (err.message === "Failed to fetch" || (e instanceof TypeError && /fetch/i.test(String(e))))
    return locale === "zh"
      ? "无法连接服务器，请检查网络后重试"
      : "Could not reach the server; check the connection and try again";
  return locale === "zh" ? "操作失败" : "Something went wrong";
}
