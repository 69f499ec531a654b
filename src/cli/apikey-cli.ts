import { ApiKeyStore, DatabaseApiKeys, type ApiKeys } from '../channels/http-api/api-keys.js';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/load-dotenv.js';
import { ApiKeyTable } from '../store/api-key-table.js';
import { openDatabase, type Database } from '../store/database.js';

/**
 * `npm run apikey -- create --tenant <name>` | `revoke <id>` | `list`: the HTTP API's keys. A new key is shown
 * once and only its SHA-256 is stored: in PostgreSQL when DATABASE_URL is set, otherwise in API_KEYS_FILE
 * (default data/api-keys.json). The running servers see a new or revoked key at once.
 */
const USAGE = 'usage: npm run apikey -- create --tenant <name> | revoke <id> | list';

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  let database: Database | undefined;
  let keys: ApiKeys;
  if (config.DATABASE_URL) {
    database = await openDatabase({ url: config.DATABASE_URL, dataDir: '' });
    keys = new DatabaseApiKeys(new ApiKeyTable(database.db));
  } else {
    keys = new ApiKeyStore(config.API_KEYS_FILE);
  }
  const [command, ...rest] = process.argv.slice(2);
  const option = (name: string) => {
    const i = rest.indexOf(`--${name}`);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  try {
    if (command === 'create') {
      const tenant = option('tenant');
      if (!tenant) throw new Error('usage: npm run apikey -- create --tenant <name>');
      const { id, key } = await keys.create(tenant);
      process.stdout.write(`created key ${id} for ${tenant}; it is shown this once:\n${key}\n`);
    } else if (command === 'revoke') {
      const id = rest[0];
      if (!id) throw new Error('usage: npm run apikey -- revoke <id>');
      if (!(await keys.revoke(id))) throw new Error(`no active key ${id}`);
      process.stdout.write(`revoked key ${id}\n`);
    } else if (command === 'list') {
      for (const k of await keys.list()) process.stdout.write(`${k.id}\t${k.tenant}\tcreated ${k.created}${k.revoked ? `\trevoked ${k.revoked}` : ''}\n`);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await database?.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
