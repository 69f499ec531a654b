import { join } from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/load-dotenv.js';
import { openDatabase } from '../store/database.js';
import { DEMO_TEAMS, demoEvents } from '../store/demo-events.js';
import { ReviewEventLog } from '../store/review-event-log.js';

/**
 * `npm run demo:seed`: a month of synthetic review and practice events (tenant "demo", twelve agents in four languages and three teams) in the
 * database, so /dashboard and "team report" show a living picture at once. With the embedded database, run it
 * while the bot is stopped (PGlite opens in one process).
 */
async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
  try {
    const log = await ReviewEventLog.open(database.db, { secret: config.EVENTS_SECRET, maxQueue: 100_000 });
    const events = demoEvents();
    for (const e of events) log.record(e);
    for (const team of DEMO_TEAMS) log.nameTeam('demo', team.id, team.name);
    await log.close();
    const practice = events.filter((e) => e.kind === 'practice').length;
    process.stdout.write(`seeded ${log.written} events (tenant "demo", teams ${DEMO_TEAMS.map((t) => t.name).join(', ')}; ${practice} of them practice answers), ${log.dropped} dropped; open http://localhost:${config.PORT}/dashboard after npm start\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`demo:seed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
