import { createAuthClient } from "better-auth/react";

/** better-auth's client for /api/auth (same origin, session cookie). */
export const authClient = createAuthClient({
  baseURL: typeof window === "undefined" ? "http://localhost" : window.location.origin,
  basePath: "/api/auth",
});
