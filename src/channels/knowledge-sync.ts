import type { Logger } from '../config/logger.js';
import { knowledgeBaseFrom, type KnowledgeBase } from '../engine/knowledge-base.js';
import { artifactJson, readArtifactJson } from '../core/artifact-json.js';
import { KnowledgeTable } from '../store/knowledge-table.js';

/** Which knowledge base an instance serves: a published version's id, or its own build before anything was published. */
export interface KnowledgeInUse {
  kb: KnowledgeBase;
  version: number | 'local';
  hash: string;
}

export interface KnowledgeSync {
  readonly current: KnowledgeInUse;
  /** Checks for a newer published version now (also done every interval). */
  check(): Promise<void>;
  stop(): void;
}

/**
 * With a database, the knowledge base in use is the newest published one (`npm run kb:publish`, kb:add, kb:accept):
 * each instance checks every `intervalMs` and adopts a new version without a restart. The first instance to start
 * on an empty table publishes its own build, so all instances agree from the beginning.
 */
export async function startKnowledgeSync(options: {
  table: KnowledgeTable;
  local: KnowledgeBase;
  intervalMs: number;
  logger: Logger;
  onChange: (kb: KnowledgeBase) => void;
}): Promise<KnowledgeSync> {
  const { table, logger } = options;
  const localJson = artifactJson(options.local.artifact);
  let current: KnowledgeInUse = { kb: options.local, version: 'local', hash: KnowledgeTable.hashOf(localJson) };
  let running: Promise<void> | undefined;

  const adopt = async (id: number, hash: string) => {
    if (hash === current.hash) {
      current = { ...current, version: id };
      return;
    }
    const json = await table.artifact(id);
    if (!json) return;
    const kb = knowledgeBaseFrom(readArtifactJson(json));
    current = { kb, version: id, hash };
    options.onChange(kb);
    logger.info({ knowledgeVersion: id, guidelines: kb.guidelines.length }, 'knowledge base updated');
  };

  const check = () =>
    (running ??= (async () => {
      try {
        const latest = (await table.latest()) ?? (await table.publish(localJson));
        if (latest.id !== current.version) await adopt(latest.id, latest.hash);
      } catch (error) {
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'knowledge version check failed; will retry');
      } finally {
        running = undefined;
      }
    })());

  await check();
  const timer = setInterval(() => void check(), options.intervalMs).unref();
  return {
    get current() {
      return current;
    },
    check,
    stop: () => clearInterval(timer),
  };
}
