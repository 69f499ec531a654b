import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from './migrations.js';
import type { Tables } from './tables.js';

/**
 * The one database for what must last: embedded PGlite (Postgres compiled to WASM, file-backed under `data/`)
 * when nothing is set, so a laptop needs no set-up; PostgreSQL when DATABASE_URL is set, so several instances
 * share it. Both speak the same SQL through Kysely, and both get the same migrations at open.
 */
export interface Database {
  db: Kysely<Tables>;
  kind: 'pglite' | 'postgres';
  /** Where it lives, for the start-up line (a password in the URL is never shown). */
  where: string;
  /** True when a trivial query answers (for /readyz). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… (PostgreSQL) or empty for the embedded database. */
  url?: string;
  /** The embedded database's folder; `memory://` keeps it in memory (tests). */
  dataDir: string;
}

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/** PGlite's start-up settings: one process's small tables need no large buffer pool (16 MB, not 128 MB). */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/**
 * Creates a new embedded database in a short-lived child process. Creating one (initdb) grows PGlite's WASM
 * memory to several hundred megabytes, and WASM memory never shrinks: done in the bot's own process, that
 * stays resident for the life of the process (an empty database measured 816 MB right after creation, 171 MB
 * when an existing one is opened in a fresh process). The child exits and takes it with it.
 */
async function createInChildProcess(dataDir: string): Promise<void> {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(`file://${join(entry, '..', 'index.js')}`)});
const db = new PGlite(process.argv[1], { startParams: JSON.parse(process.argv[2]) });
await db.waitReady;
await db.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, dataDir, JSON.stringify(START_PARAMS)], { timeout: 120_000 });
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let db: Kysely<Tables>;
  let kind: Database['kind'];
  let where: string;
  if (options.url) {
    kind = 'postgres';
    where = redact(options.url);
    // A small pool per instance: each review touches state twice, and PostgreSQL's own limit is shared by all instances.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on('error', () => {});
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  } else {
    kind = 'pglite';
    where = options.dataDir;
    if (!options.dataDir.startsWith('memory://')) {
      try {
        mkdirSync(options.dataDir, { recursive: true });
        if (!existsSync(join(options.dataDir, 'PG_VERSION'))) await createInChildProcess(options.dataDir);
      } catch (error) {
        throw new Error(`database (${kind} at ${where}): could not create it: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
    // 16 MB of shared buffers instead of PostgreSQL's 128 MB kept ~130 MB off the resident set (740 → 605 MB when the
    // database was still created in this process).
    db = new Kysely<Tables>({ dialect: new PGliteDialect({ pglite: () => new PGlite(options.dataDir, { startParams: START_PARAMS }) }) });
  }
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new Error(`database (${kind} at ${where}): ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    db,
    kind,
    where,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}
