import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/load-dotenv.js';
import { AgentNames } from '../store/agent-names.js';
import { openDatabase } from '../store/database.js';
import { ReviewEventLog } from '../store/review-event-log.js';
import { runCli } from './run-cli.js';

const USAGE = `usage:
  npm run agents:name -- --tenant <tenant> --user <user id> --name "<name>"    show this name for the agent's pseudonym
  npm run agents:name -- --tenant <tenant> --agent <pseudonym> --name "<name>"
  npm run agents:name -- --tenant <tenant> (--user <user id> | --agent <pseudonym>) --remove
  npm run agents:name -- --list [--tenant <tenant>]`;

/**
 * `npm run agents:name`: a tenant that wants its supervisors to see names instead of pseudonyms maps them here, on
 * the server (whoever runs it can reach the database). The names appear only on the supervisors' dashboard. With the
 * embedded database, run it while the bot is stopped (PGlite opens in one process).
 */
async function main(): Promise<number> {
  loadDotEnv();
  const { values } = parseArgs({ options: { tenant: { type: 'string' }, user: { type: 'string' }, agent: { type: 'string' }, name: { type: 'string' }, remove: { type: 'boolean' }, list: { type: 'boolean' } } });
  const name = values.name?.trim();
  const changes = values.tenant && (values.user || values.agent) && (values.remove || (name && name.length <= 100));
  if (!values.list && !changes) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'pglite') });
  try {
    const names = new AgentNames(database.db);
    if (values.list) {
      for (const n of await names.list(values.tenant)) process.stdout.write(`${n.tenant}\t${n.agent}\t${n.name}\n`);
      return 0;
    }
    const log = await ReviewEventLog.open(database.db, { secret: config.EVENTS_SECRET });
    const agent = values.agent ?? log.agentId(values.tenant!, values.user!);
    await log.close();
    if (values.remove) {
      process.stdout.write((await names.remove(values.tenant!, agent)) ? `agent ${agent} shows as the pseudonym again\n` : `agent ${agent} had no name in ${values.tenant}\n`);
    } else {
      await names.set(values.tenant!, agent, name!);
      process.stdout.write(`agent ${agent} shows as "${name}" on the dashboard of ${values.tenant}\n`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runCli('agents:name', main);
