import { openDatabase, type Database } from '../../src/store/database.js';

/**
 * The databases a storage test runs on: embedded PGlite always, and a real PostgreSQL when TEST_DATABASE_URL
 * is set (`.ci/run` installs Debian's postgresql, starts it on loopback and sets it; in CI it must be there).
 * `open` gives a new connection each call; on PGlite, where there is no server to share, every call in one
 * test gets the same in-memory database, as two instances get the same PostgreSQL.
 */
export interface DatabaseTarget {
  name: string;
  open(): Promise<Database>;
  /** Closes what open() gave. */
  closeAll(): Promise<void>;
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
  const url = process.env.TEST_DATABASE_URL;
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
