#!/usr/bin/env node
import { readFileSync } from "node:fs";
import { runCli } from "./cli-core";

try {
  process.exitCode = runCli(process.argv.slice(2), {
    readFile: (path) => readFileSync(path, "utf8"),
    out: (text) => process.stdout.write(`${text}\n`),
    err: (text) => process.stderr.write(`${text}\n`),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  });
} catch (e) {
  // A bug in the validator itself, not bad input: say so plainly, without a stack trace.
  process.stderr.write(`gongkai-validate: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 3;
}
