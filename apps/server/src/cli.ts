import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createAuth, createContext, type Deps, importPublishedReport } from "@gongkai/api";
import { agencies, createDb, eq, memberships, regions, reports, reportVersions, users } from "@gongkai/db";
import { checkReport, RoleSchema } from "@gongkai/schema";
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
