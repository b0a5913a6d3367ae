import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEMO_PASSWORD } from "./api";
import { openPage } from "./page";

/** Sign in to the admin console through its sign-in page, as a person does; lands where the console sends them. */
export async function signInConsole(
  browser: Browser,
  base: string,
  email: string,
  viewport = { width: 1440, height: 1000 },
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const session = await openPage(browser, { viewport });
  const { page } = session;
  await page.goto(`${base}/admin/`);
  await page.waitForURL(/\/admin\/sign-in/);
  await page.getByLabel("电子邮箱").fill(email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await page.waitForURL((url) => !url.pathname.includes("sign-in"));
  return session;
}
