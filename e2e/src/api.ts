/** A signed-in HTTP session against the real server: sign-in cookie, tRPC calls with CSRF origin. */
export class ApiSession {
  private cookie = "";
  constructor(private readonly base: string) {}

  async signIn(email: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.base },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
    this.cookie = (res.headers.getSetCookie?.() ?? [res.headers.get("set-cookie") ?? ""])
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  async query<T>(path: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.base}/trpc/admin/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers: { cookie: this.cookie },
    });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!res.ok || !body.result) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
    return body.result.data;
  }

  async mutate<T>(path: string, input: unknown): Promise<T> {
    const res = await fetch(`${this.base}/trpc/admin/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: this.cookie, origin: this.base },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!res.ok || !body.result) throw new Error(`${path}: ${res.status} ${JSON.stringify(body.error)}`);
    return body.result.data;
  }
}

export const DEMO_PASSWORD = "gongkai-demo-2026";
