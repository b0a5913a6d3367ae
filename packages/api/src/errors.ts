import { TRPCError } from "@trpc/server";

export const domainErrorKinds = [
  "NOT_FOUND",
  "FORBIDDEN",
  "UNAUTHORIZED",
  "CONFLICT",
  "BAD_REQUEST",
  "PRECONDITION_FAILED",
] as const;
export type DomainErrorKind = (typeof domainErrorKinds)[number];

/**
 * An expected failure of a service, with a message for people in both languages. Services throw
 * these; one middleware maps them to tRPC codes (and HTTP statuses).
 */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly zh: string;
  readonly details: Record<string, unknown> | undefined;
  constructor(kind: DomainErrorKind, en: string, zh: string, details?: Record<string, unknown>) {
    super(en);
    this.name = "DomainError";
    this.kind = kind;
    this.zh = zh;
    this.details = details;
  }
}

export const notFound = (what: string, zh: string) => new DomainError("NOT_FOUND", `${what} not found`, `${zh}不存在`);
export const forbidden = (en: string, zh: string) => new DomainError("FORBIDDEN", en, zh);
export const conflict = (en: string, zh: string, details?: Record<string, unknown>) =>
  new DomainError("CONFLICT", en, zh, details);
export const badRequest = (en: string, zh: string, details?: Record<string, unknown>) =>
  new DomainError("BAD_REQUEST", en, zh, details);
export const precondition = (en: string, zh: string, details?: Record<string, unknown>) =>
  new DomainError("PRECONDITION_FAILED", en, zh, details);

/** The one place domain errors become tRPC errors. */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof DomainError) {
    return new TRPCError({ code: error.kind, message: error.message, cause: error });
  }
  return error;
}
