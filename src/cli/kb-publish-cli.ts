import { readFileSync } from 'node:fs';
import { loadConfig } from '../config/app-config.js';
import { loadDotEnv } from '../config/load-dotenv.js';
import { defaultArtifactPath } from '../core/paths.js';
import { readArtifactJson } from '../core/artifact-json.js';
import { openDatabase } from '../store/database.js';
import { KnowledgeTable } from '../store/knowledge-table.js';

/**
 * `npm run kb:publish`: puts the built knowledge base (build/knowledge.json, after kb:build, kb:add or kb:accept)
 * into the database, where every running instance picks it up within KB_RELOAD_SECONDS. Needs DATABASE_URL:
 * embedded PGlite serves one process, which reads its own build at start.
 */
export async function publishKnowledge(databaseUrl: string, artifactPath = defaultArtifactPath()): Promise<{ id: number; hash: string }> {
  const json = readFileSync(artifactPath, 'utf8');
  readArtifactJson(json); // a broken file is refused here, not by every instance
  const database = await openDatabase({ url: databaseUrl, dataDir: '' });
  try {
    return await new KnowledgeTable(database.db).publish(json);
  } finally {
    await database.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  loadDotEnv();
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    process.stderr.write('kb:publish needs DATABASE_URL (PostgreSQL); with the embedded database, restart the bot to use a new build.\n');
    process.exitCode = 2;
  } else {
    publishKnowledge(config.DATABASE_URL)
      .then((v) => process.stdout.write(`published knowledge version ${v.id} (${v.hash}); running instances adopt it within ${config.KB_RELOAD_SECONDS} s\n`))
      .catch((error: unknown) => {
        process.stderr.write(`kb:publish: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      });
  }
}
