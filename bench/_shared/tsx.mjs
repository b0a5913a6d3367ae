// Runs a benchmark's TypeScript entry with tsx and the @gongkai/source condition (the workspace
// packages are consumed as source), forwarding arguments, signals and the exit code.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));

export function runTypeScript(entryUrl) {
  const entry = fileURLToPath(entryUrl);
  const child = spawn(
    process.execPath,
    [`${root}node_modules/tsx/dist/cli.mjs`, "--conditions=@gongkai/source", entry, ...process.argv.slice(2)],
    { stdio: "inherit", cwd: root },
  );
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
