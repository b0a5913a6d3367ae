import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import {
  asAgency,
  createAuth,
  createContext,
  createDraftFromImport,
  type Deps,
  DomainError,
  existingReport,
  importPublishedReport,
  loadAgency,
  loadViewer,
  matchAgency,
  type Viewer,
} from "@gongkai/api";
import { agencies, createDb, eq, memberships, regions, reports, reportVersions, users } from "@gongkai/db";
import { type ImportResult, importReport } from "@gongkai/importer";
import { checkReport, IMPORT_MAX_BYTES, RoleSchema } from "@gongkai/schema";
import { SingleBar } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { readEnv } from "./env";
import { isEmpty, seedDemo, seedReference, seedSynthetic } from "./seed";

async function open() {
  const env = readEnv();
  const db = await createDb({
    databaseUrl: env.DATABASE_URL,
    readUrl: env.DATABASE_READ_URL,
    dataDir: env.DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  await db.migrate();
  const secret = env.AUTH_SECRET ?? "cli-only-secret-cli-only-secret-cli-only";
  const { port: auth } = createAuth(db, { secret, baseURL: env.PUBLIC_URL ?? "http://localhost" });
  const deps: Deps = { db, auth, now: () => new Date() };
  return { env, db, deps };
}

function bar(label: string) {
  const b = new SingleBar(
    { format: `${label} [{bar}] {value}/{total} {percentage}% | {eta}s`, hideCursor: true, stream: process.stderr },
    undefined,
  );
  let started = false;
  return {
    tick(done: number, total: number) {
      if (!started) {
        b.start(total, 0);
        started = true;
      }
      b.update(done);
    },
    stop() {
      if (started) b.stop();
    },
  };
}

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive whole number");
  return n;
};

const program = new Command()
  .name("gongkai")
  .description("Gongkai command line: database, demo data, import and export")
  .showHelpAfterError();

program
  .command("migrate")
  .description("apply database migrations (also done at every start)")
  .action(async () => {
    const { db } = await open();
    console.log(`migrations applied (${db.kind})`);
    await db.close();
  });

program
  .command("seed")
  .description("load data into the database")
  .option(
    "--demo",
    "demo data: regions, agencies, reports 2019–2025, the real fixtures, demo accounts (empty database only)",
  )
  .option("--synthetic <n>", "N synthetic published reports over the demo agencies", positiveInt)
  .option("--quiet", "no progress bar")
  .action(async (opts: { demo?: boolean; synthetic?: number; quiet?: boolean }) => {
    if (!opts.demo && !opts.synthetic) {
      console.error("say what to seed: --demo or --synthetic N");
      process.exitCode = 2;
      return;
    }
    const { db, deps } = await open();
    try {
      if (opts.demo) {
        if (!(await isEmpty(db))) {
          console.error("the database is not empty: demo data is only loaded into an empty one");
          process.exitCode = 1;
          return;
        }
        const b = opts.quiet ? null : bar("reports");
        const { reports: n } = await seedDemo(deps, {
          step: (s) => console.error(`· seeding ${s}`),
          tick: (d, t) => b?.tick(d, t),
        });
        b?.stop();
        console.error(`demo data loaded: ${n} reports`);
      }
      if (opts.synthetic) {
        const b = bar("reports");
        const t0 = Date.now();
        const n = await seedSynthetic(deps, opts.synthetic, { step: (s) => console.error(`· ${s}`), tick: b.tick });
        b.stop();
        console.log(`${n} synthetic reports loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
    } finally {
      await db.close();
    }
  });

program
  .command("export")
  .description("write everything to JSON files in a folder: regions, agencies, and each published version")
  .argument("<dir>", "output folder (created if missing)")
  .action(async (dir: string) => {
    const { db } = await open();
    try {
      const out = resolve(dir);
      mkdirSync(join(out, "reports"), { recursive: true });
      writeFileSync(join(out, "regions.json"), JSON.stringify(await db.db.select().from(regions), null, 2));
      writeFileSync(join(out, "agencies.json"), JSON.stringify(await db.db.select().from(agencies), null, 2));
      const list = await db.db.select({ id: reports.id, agencyId: reports.agencyId, year: reports.year }).from(reports);
      const b = bar("reports");
      let written = 0;
      for (const r of list) {
        const versions = await db.db
          .select()
          .from(reportVersions)
          .where(eq(reportVersions.reportId, r.id))
          .orderBy(reportVersions.number);
        for (const v of versions) {
          writeFileSync(
            join(out, "reports", `${r.agencyId}-${r.year}-v${v.number}.json`),
            `${JSON.stringify(v.content, null, 2)}\n`,
          );
          written++;
        }
        b.tick(list.indexOf(r) + 1, list.length);
      }
      b.stop();
      console.log(`exported ${written} published versions of ${list.length} reports to ${out}`);
    } finally {
      await db.close();
    }
  });

program
  .command("import-json")
  .description("import published reports from JSON files (a file or a folder); agencies must exist")
  .argument("<path>", "a report .json file or a folder of them")
  .action(async (path: string) => {
    const { db, deps } = await open();
    let failed = 0;
    try {
      await seedReference(db);
      const target = resolve(path);
      const files = statSync(target).isDirectory()
        ? readdirSync(target)
            .filter((f) => f.endsWith(".json"))
            .map((f) => join(target, f))
        : [target];
      const ctx = createContext(deps, { viewer: null, requestId: "cli" });
      for (const file of files) {
        let json: unknown;
        try {
          json = JSON.parse(readFileSync(file, "utf8"));
        } catch (e) {
          console.error(`✗ ${file}: not valid JSON (${(e as Error).message})`);
          failed++;
          continue;
        }
        const checked = checkReport(json);
        if (!checked.report) {
          console.error(`✗ ${file}: not a report:\n${checked.findings.map((f) => `    ${f.message.en}`).join("\n")}`);
          failed++;
          continue;
        }
        try {
          const { id, created } = await importPublishedReport(ctx, { content: checked.report });
          const errors = checked.findings.filter((f) => f.severity === "error").length;
          console.log(
            `${created ? "✓" : "·"} ${file} → ${id}${created ? "" : " (already there)"}; ${errors} error(s), ${checked.findings.length - errors} warning(s)`,
          );
        } catch (e) {
          console.error(`✗ ${file}: ${(e as Error).message}`);
          failed++;
        }
      }
    } finally {
      await db.close();
    }
    if (failed) process.exitCode = 1;
  });

/** Files `import` reads from a folder; others are listed as skipped. .doc/.pdf are read to say why they cannot be. */
const IMPORTABLE = new Set([
  ".html",
  ".htm",
  ".xhtml",
  ".shtml",
  ".txt",
  ".text",
  ".docx",
  ".js",
  ".doc",
  ".pdf",
  ".wps",
]);

function importFiles(paths: readonly string[]): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < 3 && !entry.name.startsWith(".")) walk(p, depth + 1);
      } else if (IMPORTABLE.has(extname(entry.name).toLowerCase())) files.push(p);
      else skipped.push(p);
    }
  };
  for (const path of paths) {
    const target = resolve(path);
    if (statSync(target).isDirectory()) walk(target, 0);
    else files.push(target);
  }
  return { files, skipped };
}

/**
 * The CLI creates drafts as the system importer unless --as names a user: a viewer that is an editor
 * of exactly the agency being imported, so that createReport/saveDraft apply their checks unchanged
 * (agency active, one report per year, edition) and the audit log says "system:cli-import".
 */
function systemImporter(agencyId: string): Viewer {
  return {
    id: "system:cli-import",
    name: "命令行导入 / CLI import",
    email: "cli-import@localhost",
    memberships: [{ role: "editor", agencyId, agencyName: null, regionCode: null, regionName: null }],
  };
}

interface ImportOutcome {
  file: string;
  ok: boolean;
  error: string | null;
  agency: { status: string; id: string | null; name: string | null; candidates: { id: string; name: string }[] };
  detected: ImportResult["detected"];
  stats: ImportResult["stats"];
  importFindings: ImportResult["importFindings"];
  findings: { errors: number; warnings: number };
  draftId: string | null;
  /** The agency's report for that year, if there already is one. */
  existing: { id: string; state: string } | null;
}

program
  .command("import")
  .description("import published reports (HTML, DOCX, plain text) as drafts; --dry-run only reads them")
  .argument("<paths...>", "report files or folders of them (.html .htm .txt .docx, a site's .js)")
  .option("--dry-run", "read, match the agency and report; create nothing")
  .option("--agency <id>", "the agency of every file (default: matched from the name in the file)")
  .option("--as <email>", "create the drafts as this user (an editor of the agency) instead of the system importer")
  .option("--json", "print the results as JSON on stdout")
  .option("--quiet", "no progress bar")
  .action(
    async (
      paths: string[],
      opts: { dryRun?: boolean; agency?: string; as?: string; json?: boolean; quiet?: boolean },
    ) => {
      let listed: { files: string[]; skipped: string[] };
      try {
        listed = importFiles(paths);
      } catch (e) {
        console.error(`cannot read ${paths.join(" ")}: ${(e as Error).message}`);
        process.exitCode = 2;
        return;
      }
      const { db, deps } = await open();
      const outcomes: ImportOutcome[] = [];
      try {
        let forced = null;
        if (opts.agency) {
          forced = await matchAgencyById(db, opts.agency);
          if (!forced) {
            console.error(`no agency with id ${opts.agency}`);
            process.exitCode = 2;
            return;
          }
        }
        let asUser: Viewer | null = null;
        if (opts.as) {
          const [u] = await db.db.select().from(users).where(eq(users.email, opts.as.toLowerCase()));
          asUser = u ? await loadViewer(db.db, u.id) : null;
          if (!asUser) {
            console.error(`no active account ${opts.as}`);
            process.exitCode = 2;
            return;
          }
        }
        const b = opts.quiet || opts.json ? null : bar("files");
        for (const [i, file] of listed.files.entries()) {
          outcomes.push(await importOne(file, { deps, forced, asUser, dryRun: opts.dryRun === true }));
          b?.tick(i + 1, listed.files.length);
        }
        b?.stop();
      } finally {
        await db.close();
      }
      if (opts.json) {
        console.log(
          JSON.stringify({ dryRun: opts.dryRun === true, files: outcomes, skipped: listed.skipped }, null, 2),
        );
      } else {
        for (const o of outcomes) console.log(summaryLine(o, opts.dryRun === true));
        if (listed.skipped.length)
          console.log(
            `· skipped ${listed.skipped.length} file(s) that are not reports: ${listed.skipped.map((f) => basename(f)).join(", ")}`,
          );
        const ok = outcomes.filter((o) => o.ok).length;
        console.log(
          `${opts.dryRun ? "dry run: " : ""}${ok} of ${outcomes.length} file(s) ${opts.dryRun ? "readable" : "imported as drafts"}; ${outcomes.reduce((s, o) => s + o.stats.cellsRead, 0)} cells read`,
        );
      }
      if (outcomes.some((o) => !o.ok)) process.exitCode = 1;
    },
  );

async function matchAgencyById(db: Awaited<ReturnType<typeof open>>["db"], id: string) {
  const [a] = await db.db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, id));
  return a ?? null;
}

async function importOne(
  file: string,
  env: { deps: Deps; forced: { id: string; name: string } | null; asUser: Viewer | null; dryRun: boolean },
): Promise<ImportOutcome> {
  const name = basename(file);
  const empty: ImportOutcome["agency"] = { status: "none", id: null, name: null, candidates: [] };
  const fail = (error: string, result?: ImportResult, agency = empty): ImportOutcome => ({
    file,
    ok: false,
    error,
    agency,
    detected: result?.detected ?? {
      format: null,
      title: null,
      agencyName: null,
      year: null,
      edition: null,
      editionFrom: "default",
      layout: "legacy",
      publicationDate: null,
      sections: [],
      tables: [],
    },
    stats: result?.stats ?? { cellsTotal: 0, cellsRead: 0, cellsBlank: 0, cellsNull: 0 },
    importFindings: result?.importFindings ?? [],
    findings: countFindings(result),
    draftId: null,
    existing: null,
  });
  const size = statSync(file).size;
  if (size > IMPORT_MAX_BYTES) {
    return fail(
      `${(size / 1024 / 1024).toFixed(1)} MB is over the ${IMPORT_MAX_BYTES / 1024 / 1024} MB limit; not read`,
    );
  }
  let result = await importReport({ content: new Uint8Array(readFileSync(file)), filename: name });
  if (!result.draft) {
    const why = result.importFindings.find((f) => f.severity === "error") ?? result.importFindings[0];
    return fail(why ? why.message.en : "not a report", result);
  }
  const exec = env.deps.db.db;
  const ctx = createContext(env.deps, { viewer: null, requestId: "cli-import" });
  const match = env.forced
    ? { status: "given", agency: await loadAgency(exec, env.forced.id), candidates: [] }
    : await matchAgency(exec, result.detected.agencyName);
  const agency = {
    status: match.status,
    id: match.agency?.id ?? null,
    name: match.agency?.name ?? null,
    candidates: match.candidates,
  };
  if (match.agency) result = await asAgency(ctx, exec, result, match.agency);
  if (!match.agency) {
    const detail = match.candidates.length ? ` (could be: ${match.candidates.map((c) => c.id).join(", ")})` : "";
    const error = `agency "${result.detected.agencyName ?? "?"}" not found on the platform${detail}; give it with --agency`;
    return env.dryRun ? { ...fail(error, result, agency), ok: true } : fail(error, result, agency);
  }
  const year = result.detected.year;
  if (year === null) return fail("the report year was not found in the file", result, agency);
  const base: ImportOutcome = {
    file,
    ok: true,
    error: null,
    agency,
    detected: result.detected,
    stats: result.stats,
    importFindings: result.importFindings,
    findings: countFindings(result),
    draftId: null,
    existing: await existingReport(exec, match.agency.id, year),
  };
  if (env.dryRun) return base;
  const viewer = env.asUser ?? systemImporter(match.agency.id);
  try {
    const draft = await createDraftFromImport(
      { ...createContext(env.deps, { viewer, requestId: "cli-import" }), viewer },
      { result, agencyId: match.agency.id, year, filename: name },
    );
    return { ...base, draftId: draft.id };
  } catch (e) {
    return fail(e instanceof DomainError ? `${e.message} / ${e.zh}` : (e as Error).message, result, agency);
  }
}

function countFindings(result: ImportResult | undefined) {
  const findings = result?.findings ?? [];
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}

function summaryLine(o: ImportOutcome, dryRun: boolean): string {
  const name = basename(o.file);
  const d = o.detected;
  const what = d.year ? `${d.agencyName ?? "?"} ${d.year} (${d.edition} edition, ${d.layout})` : (d.agencyName ?? "");
  const cells = `${o.stats.cellsRead}/${o.stats.cellsTotal} cells read, ${o.stats.cellsNull} left null`;
  const notes = o.importFindings.filter((f) => f.severity !== "info");
  const findings = `${notes.length} import finding(s), validator ${o.findings.errors} error(s) ${o.findings.warnings} warning(s)`;
  const agency = o.agency.id ? `→ ${o.agency.id} [${o.agency.status}]` : "→ agency not matched";
  if (!o.ok) return `✗ ${name}: ${o.error}${o.stats.cellsTotal ? `\n    ${what}; ${cells}; ${findings}` : ""}`;
  if (o.error) return `? ${name}: ${what} ${agency}; ${cells}; ${findings}\n    ${o.error}`;
  const exists =
    dryRun && o.existing
      ? `\n    ${o.agency.id} already has this year's report (${o.existing.id}, ${o.existing.state}): importing would be refused`
      : "";
  return `${dryRun ? "·" : "✓"} ${name}: ${what} ${agency}; ${cells}; ${findings}${o.draftId ? ` → draft ${o.draftId}` : ""}${exists}`;
}

const user = program.command("user").description("manage accounts");
user
  .command("add")
  .description("create an account with a role")
  .requiredOption("--email <email>")
  .requiredOption("--name <name>")
  .requiredOption("--password <password>", "at least 10 characters")
  .requiredOption("--role <role>", "editor | approver | oversight | admin")
  .option("--agency <id>", "for editor and approver")
  .option("--region <code>", "for oversight")
  .action(
    async (opts: { email: string; name: string; password: string; role: string; agency?: string; region?: string }) => {
      const role = RoleSchema.safeParse(opts.role);
      if (!role.success) {
        console.error(`--role must be one of editor, approver, oversight, admin (got "${opts.role}")`);
        process.exitCode = 2;
        return;
      }
      if ((role.data === "editor" || role.data === "approver") && !opts.agency) {
        console.error("--agency is required for editors and approvers");
        process.exitCode = 2;
        return;
      }
      if (role.data === "oversight" && !opts.region) {
        console.error("--region is required for oversight");
        process.exitCode = 2;
        return;
      }
      if (opts.password.length < 10) {
        console.error("--password must be at least 10 characters");
        process.exitCode = 2;
        return;
      }
      const { db, deps } = await open();
      try {
        const [exists] = await db.db.select().from(users).where(eq(users.email, opts.email.toLowerCase()));
        if (exists) {
          console.error(`${opts.email} already has an account`);
          process.exitCode = 1;
          return;
        }
        if (opts.agency && !(await db.db.select().from(agencies).where(eq(agencies.id, opts.agency)))[0]) {
          console.error(`no agency with id ${opts.agency}`);
          process.exitCode = 1;
          return;
        }
        const { id } = await deps.auth.createUser({ email: opts.email, name: opts.name, password: opts.password });
        await db.db
          .insert(memberships)
          .values({ userId: id, role: role.data, agencyId: opts.agency ?? null, regionCode: opts.region ?? null });
        console.log(`created ${opts.email} (${role.data})`);
      } finally {
        await db.close();
      }
    },
  );

program.parseAsync().catch((err: unknown) => {
  console.error(`gongkai: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
