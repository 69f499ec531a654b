import { ApiKeyStore } from '../channels/http-api/api-keys.js';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/load-dotenv.js';

/**
 * `npm run apikey -- create --tenant <name>` | `revoke <id>` | `list`: the HTTP API's keys. A new key is shown
 * once and only its SHA-256 is stored (API_KEYS_FILE, default data/api-keys.json).
 */
loadDotEnv();
const store = new ApiKeyStore(loadConfig().API_KEYS_FILE);
const [command, ...rest] = process.argv.slice(2);
const option = (name: string) => {
  const i = rest.indexOf(`--${name}`);
  return i >= 0 ? rest[i + 1] : undefined;
};

try {
  if (command === 'create') {
    const tenant = option('tenant');
    if (!tenant) throw new Error('usage: npm run apikey -- create --tenant <name>');
    const { id, key } = store.create(tenant);
    process.stdout.write(`created key ${id} for ${tenant}; it is shown this once:\n${key}\n`);
  } else if (command === 'revoke') {
    const id = rest[0];
    if (!id) throw new Error('usage: npm run apikey -- revoke <id>');
    if (!store.revoke(id)) throw new Error(`no active key ${id}`);
    process.stdout.write(`revoked key ${id}\n`);
  } else if (command === 'list') {
    for (const k of store.list()) process.stdout.write(`${k.id}\t${k.tenant}\tcreated ${k.created}${k.revoked ? `\trevoked ${k.revoked}` : ''}\n`);
  } else {
    throw new Error('usage: npm run apikey -- create --tenant <name> | revoke <id> | list');
  }
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 2;
}
