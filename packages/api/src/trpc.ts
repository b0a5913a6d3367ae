import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Context, Viewer } from "./context";
import { DomainError, toTRPCError } from "./errors";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const domain = cause instanceof DomainError ? cause : null;
    const zodError = cause instanceof z.ZodError ? cause : null;
    return {
      ...shape,
      data: {
        ...shape.data,
        stack: undefined,
        messageZh: domain?.zh ?? (zodError ? "输入不符合要求" : null),
        details: domain?.details ?? null,
        issues: zodError
          ? zodError.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code }))
          : null,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Maps DomainError → TRPCError in one place. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped instanceof TRPCError) throw mapped;
  }
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.viewer) {
    throw new TRPCError({
      code: "UNAUTHORIZED",
      message: "Sign in first",
      cause: new DomainError("UNAUTHORIZED", "Sign in first", "请先登录"),
    });
  }
  return next({ ctx: { ...ctx, viewer: ctx.viewer as Viewer } });
});
export type AuthedContext = Context & { viewer: Viewer };
