import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/load-dotenv.js';
import { AgentNames } from '../store/agent-names.js';
import { openDatabase } from '../store/database.js';
import { ReviewEventLog } from '../store/review-event-log.js';
import { runCli } from './run-cli.js';

/**
 * `npm run data:forget -- --agent <id>` (the pseudonymous id the dashboard shows) or `-- --tenant <t> --user <u>`
 * (the Entra object id or channel user id a person gives): deletes every review event of that agent, and every
 * draft stored for them (REVIEW_STORE_TEXT) and the name their tenant mapped to the pseudonym (agents:name). With the
 * embedded database, run it while the bot is stopped (PGlite opens in one process).
 */
async function main(): Promise<number> {
  loadDotEnv();
  const { values } = parseArgs({ options: { agent: { type: 'string' }, tenant: { type: 'string' }, user: { type: 'string' } } });
  if (!values.agent && !(values.tenant && values.user)) {
    process.stderr.write('usage: npm run data:forget -- --agent <id> | --tenant <tenant> --user <user id>\n');
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
  try {
    const log = await ReviewEventLog.open(database.db, { secret: config.EVENTS_SECRET });
    const agent = values.agent ?? log.agentId(values.tenant!, values.user!);
    const deleted = await log.forget(agent);
    await log.close();
    const named = await new AgentNames(database.db).forget(agent);
    process.stdout.write(`deleted ${deleted.events} review events, ${deleted.texts} stored drafts and ${named} ${named === 1 ? "name" : "names"} of agent ${agent}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

runCli('data:forget', main);
