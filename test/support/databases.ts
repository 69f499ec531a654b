import { openDatabase, type Database } from '../../src/store/database.js';

/**
 * The databases a storage test runs on: embedded PGlite always, and a real PostgreSQL when TEST_DATABASE_URL
 * is set (`.ci/run` installs Debian's postgresql, starts it on loopback and sets it). In CI (CI=true, which .ci/run
 * sets) a missing TEST_DATABASE_URL fails every storage test with that message rather than leaving PostgreSQL out.
 * `open` gives a new connection each call; on PGlite, where there is no server to share, every call in one
 * test gets the same in-memory database, as two instances get the same PostgreSQL.
 */
export interface DatabaseTarget {
  name: string;
  open(): Promise<Database>;
  /** Closes what open() gave. */
  closeAll(): Promise<void>;
}

/** The PostgreSQL the tests may use, if any; in CI there must be one. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === 'true') throw new Error('TEST_DATABASE_URL is not set: in CI the storage tests run on PostgreSQL too (.ci/run starts it on loopback and sets it)');
  return url || undefined;
}

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [];
  let shared: Promise<Database> | undefined;
  targets.push({
    name: 'PGlite',
    open: () => (shared ??= openDatabase({ dataDir: 'memory://' })),
    closeAll: async () => {
      const db = await shared;
      shared = undefined;
      await db?.close();
    },
  });
  const url = testDatabaseUrl();
  if (url) {
    const opened: Database[] = [];
    targets.push({
      name: 'PostgreSQL',
      open: async () => {
        const db = await openDatabase({ url, dataDir: '' });
        opened.push(db);
        return db;
      },
      closeAll: async () => {
        await Promise.all(opened.splice(0).map((db) => db.close()));
      },
    });
  }
  return targets;
}
