import { accounts, type DbHandle, eq, rateLimits, sessions, users, verifications } from "@gongkai/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";

export interface AuthConfig {
  secret: string;
  baseURL: string;
  trustedOrigins?: string[];
  /** Secure cookies (https). Off for plain http on localhost. */
  secureCookies?: boolean;
  /** Sign-in attempts per minute per client (default 5). */
  signInPerMinute?: number;
  /** Disable rate limiting entirely (test harnesses hammering sign-in). */
  rateLimit?: boolean;
}

/** What the API needs from authentication, whatever library provides it. */
export interface AuthPort {
  /** The signed-in user of a request, or null. */
  getSession(headers: Headers): Promise<{ userId: string; sessionId: string } | null>;
  /** Create a user with an e-mail and password (invitations, seeding). */
  createUser(input: { email: string; name: string; password: string }): Promise<{ id: string }>;
  /** Sign every session of a user out (deactivation). */
  revokeSessions(userId: string): Promise<void>;
  /** The HTTP handler for /api/auth/* (the server mounts it). */
  handler(request: Request): Promise<Response>;
}

export function createAuth(db: DbHandle, config: AuthConfig) {
  const auth = betterAuth({
    appName: "Gongkai",
    secret: config.secret,
    baseURL: config.baseURL,
    basePath: "/api/auth",
    trustedOrigins: config.trustedOrigins ?? [config.baseURL],
    database: drizzleAdapter(db.db, {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    user: {
      additionalFields: { active: { type: "boolean", defaultValue: true, input: false, required: false } },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60, cookieCache: { enabled: false } },
    rateLimit: {
      enabled: config.rateLimit ?? true,
      storage: "database",
      modelName: "rateLimit",
      window: 60,
      max: 200,
      customRules: { "/sign-in/email": { window: 60, max: config.signInPerMinute ?? 5 } },
    },
    telemetry: { enabled: false },
    advanced: {
      cookiePrefix: "gongkai",
      useSecureCookies: config.secureCookies ?? false,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: ["x-forwarded-for", "x-real-ip"] },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated user cannot sign in.
          before: async (session) => {
            const rows = await db.db.select({ active: users.active }).from(users).where(eq(users.id, session.userId));
            if (!rows[0]?.active) return false;
            return { data: session };
          },
        },
      },
    },
  });

  const port: AuthPort = {
    async getSession(headers) {
      const result = await auth.api.getSession({ headers });
      if (!result) return null;
      return { userId: result.user.id, sessionId: result.session.id };
    },
    async createUser({ email, name, password }) {
      const ctx = await auth.$context;
      const hash = await ctx.password.hash(password);
      const user = await ctx.internalAdapter.createUser(
        { email: email.toLowerCase(), name, emailVerified: true },
        { method: "admin" },
      );
      await ctx.internalAdapter.linkAccount({
        userId: user.id,
        providerId: "credential",
        accountId: user.id,
        password: hash,
      });
      return { id: user.id };
    },
    async revokeSessions(userId) {
      await db.db.delete(sessions).where(eq(sessions.userId, userId));
    },
    handler: (request) => auth.handler(request),
  };
  return { auth, port };
}
