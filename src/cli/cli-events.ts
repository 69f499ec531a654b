import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { EventCaller, ReviewEvent, ReviewEventSink } from '../assistant/review-events.js';
import type { AppConfig } from '../config/app-config.js';
import { openDatabase, type Database } from '../store/database.js';
import { ReviewEventLog } from '../store/review-event-log.js';

/** Events waiting for the database to open; past it they are dropped and counted, as in the bot's own queue. */
const MAX_WAITING = 10_000;

/**
 * Review events from `npm run review` (site "cli"), for a team that reviews in bulk from a script. The database
 * opens beside the reviewing, never before it: results are printed at once, events wait in a bounded queue and
 * go in batches, and `close` (at exit) writes what is left. A database that cannot be reached costs a line on
 * standard error, never a review or the exit code.
 */
export class CliEvents implements ReviewEventSink {
  private waiting: ReviewEvent[] = [];
  private log: ReviewEventLog | undefined;
  private dropped = 0;
  private failure: string | undefined;
  private readonly opening: Promise<{ database: Database; log: ReviewEventLog } | undefined>;

  constructor(config: Pick<AppConfig, 'DATABASE_URL' | 'DATA_DIR' | 'EVENTS_SECRET' | 'REVIEW_STORE_TEXT'>, onError: (message: string) => void) {
    this.opening = openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') })
      .then(async (database) => {
        const log = await ReviewEventLog.open(database.db, { secret: config.EVENTS_SECRET, storeText: config.REVIEW_STORE_TEXT, onError }).catch(async (error: unknown) => {
          await database.close();
          throw error;
        });
        this.log = log;
        for (const event of this.waiting.splice(0)) log.record(event);
        return { database, log };
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
        return undefined;
      });
  }

  record(event: ReviewEvent): void {
    if (this.log) return this.log.record(event);
    if (this.failure || this.waiting.length >= MAX_WAITING) this.dropped++;
    else this.waiting.push(event);
  }

  /** Writes what is queued and closes the database; resolves with what could not be recorded, if anything. */
  async close(): Promise<string | undefined> {
    const opened = await this.opening;
    if (!opened) return `review events not recorded (${this.waiting.length + this.dropped}): ${this.failure}`;
    await opened.log.close();
    await opened.database.close();
    const lost = this.dropped + opened.log.dropped;
    return lost > 0 ? `review events dropped: ${lost}` : undefined;
  }
}

/**
 * Whether this run records events: `--events` or a configured DATABASE_URL turn them on, `--no-events` off.
 * Without either the CLI touches no database at all (it must work offline, on a laptop, beside a running bot).
 */
export function cliEventsWanted(env: NodeJS.ProcessEnv, flags: { events?: boolean; 'no-events'?: boolean }): boolean {
  if (flags['no-events']) return false;
  return flags.events === true || Boolean(env.DATABASE_URL);
}

/** The person at the keyboard, as the events know them: the OS account, in the tenant "local" (hashed by the log). */
export function cliCaller(): EventCaller {
  let user = process.env.USER || process.env.USERNAME || 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's name stands.
  }
  return { tenant: 'local', user: `os:${user}`, site: 'cli', channel: 'cli' };
}
