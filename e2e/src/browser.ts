import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { type Browser, chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The flags DEVELOPERS.md lists for this machine: no sandbox (root), no GPU, no network chatter. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * Chromium and CJK fonts from Debian. Playwright cannot download its own browsers here, so when
 * Chromium is missing we install it with apt as root, or stop with a message saying how.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const how = "apt-get update && apt-get install -y chromium fonts-noto-cjk";
  if (!isRoot || process.env.GONGKAI_NO_APT) {
    throw new Error(
      `Browser tests need Chromium at ${CHROMIUM}. Install it as root with:\n  ${how}\n(or set CHROMIUM_PATH to another Chromium binary)`,
    );
  }
  process.stderr.write(`Chromium is missing: installing it (${how})…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium", "fonts-noto-cjk"], {
    stdio: "inherit",
    env,
  });
  if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(`Installing Chromium failed. Install it by hand as root:\n  ${how}`);
  }
}

export async function launchBrowser(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
