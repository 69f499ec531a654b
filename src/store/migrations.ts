import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';

/**
 * The schema's history, oldest first, applied by Kysely's Migrator: it records what ran in `kysely_migration`
 * and takes a lock first, so several instances starting at once migrate once. Never edit a migration that has
 * shipped; add the next one. The same migrations run on PGlite and PostgreSQL.
 */
const migrations: Record<string, Migration> = {
  '0001_bot_state': {
    // botbuilder's conversation and user state: one JSON document per key, with an eTag for optimistic
    // concurrency (two instances writing the same conversation: the second write fails, nothing is lost
    // silently), and the time of the last write, for expiry (STATE_TTL_DAYS).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('bot_state')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('bot_state_updated_at').on('bot_state').column('updated_at').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('bot_state').execute();
    },
  },
  '0002_web_chat': {
    // The offline Direct Line's conversations and activities, so a web-chat user polling any instance sees what
    // another produced. The token is kept only as a SHA-256 hash; activities are numbered per conversation
    // (the Direct Line watermark), and go with their conversation.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('web_chat_conversation')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('token_expires_at', 'timestamptz', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('locale', 'text')
        .addColumn('service_url', 'text', (c) => c.notNull())
        .addColumn('started', 'boolean', (c) => c.notNull().defaultTo(false))
        .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
        .addColumn('last_seen', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex('web_chat_conversation_last_seen').on('web_chat_conversation').column('last_seen').execute();
      await db.schema
        .createTable('web_chat_activity')
        .addColumn('conversation_id', 'text', (c) => c.notNull().references('web_chat_conversation.id').onDelete('cascade'))
        .addColumn('seq', 'bigint', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('bytes', 'integer', (c) => c.notNull())
        .addColumn('data', 'jsonb', (c) => c.notNull())
        .addPrimaryKeyConstraint('web_chat_activity_pk', ['conversation_id', 'seq'])
        .execute();
      await db.schema.createIndex('web_chat_activity_id').on('web_chat_activity').columns(['conversation_id', 'activity_id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('web_chat_activity').execute();
      await db.schema.dropTable('web_chat_conversation').execute();
    },
  },
  '0003_api_keys': {
    // The HTTP API's keys in PostgreSQL deployments: only the SHA-256 of a key is kept, so a leaked table opens nothing.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_key')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('revoked_at', 'timestamptz')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('api_key').execute();
    },
  },
  '0004_llm_usage': {
    // Model calls per user and per tenant per UTC day, shared by every instance: a daily budget holds across them.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('llm_usage')
        .addColumn('day', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('calls', 'integer', (c) => c.notNull().defaultTo(0))
        .addPrimaryKeyConstraint('llm_usage_pk', ['day', 'subject'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('llm_usage').execute();
    },
  },
  '0005_knowledge_version': {
    // The compiled knowledge base in use, published by `npm run kb:publish` (and by kb:add / kb:accept): every
    // instance adopts the newest within seconds, without a restart.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('knowledge_version')
        .addColumn('id', 'serial', (c) => c.primaryKey())
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('artifact', 'text', (c) => c.notNull())
        .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('knowledge_version').execute();
    },
  },
  '0006_review_events': {
    // What the second read caught and what the agent did with it (issue 10): one row per review and per choice,
    // with a pseudonymous agent id and no draft or customer text. The deployment's secret for the pseudonyms
    // lives in deployment_setting unless EVENTS_SECRET is set.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('review_event')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('agent', 'text', (c) => c.notNull())
        .addColumn('site', 'text', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('lang', 'text')
        .addColumn('verdict', 'text')
        .addColumn('mode', 'text')
        .addColumn('findings', 'jsonb')
        .addColumn('choice', 'text')
        .execute();
      await db.schema.createIndex('review_event_at').on('review_event').column('at').execute();
      await db.schema.createIndex('review_event_agent').on('review_event').columns(['tenant', 'agent']).execute();
      await db.schema
        .createTable('deployment_setting')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('review_event').execute();
      await db.schema.dropTable('deployment_setting').execute();
    },
  },
  '0007_review_text': {
    // The drafts themselves, only where REVIEW_STORE_TEXT=true: a table of their own, so they have their own (shorter)
    // retention, and a deployment that never stores text has an empty table rather than a nullable column in every
    // event. Linked to the review's event by review id; forgotten with the agent.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('review_text')
        .addColumn('id', 'bigserial', (c) => c.primaryKey())
        .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn('review_id', 'text', (c) => c.notNull())
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('agent', 'text', (c) => c.notNull())
        .addColumn('draft', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('review_text_at').on('review_text').column('at').execute();
      await db.schema.createIndex('review_text_agent').on('review_text').columns(['tenant', 'agent']).execute();
      await db.schema.createIndex('review_text_review').on('review_text').column('review_id').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('review_text').execute();
    },
  },
  '0008_practice_events': {
    // A practice answer's score (0-100) and its scenario id, as events of kind 'practice' in the same table: the
    // dashboard's filters (time, language, channel, tenant) and data:forget then hold for practice as for reviews.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('review_event').addColumn('score', 'integer').execute();
      await db.schema.alterTable('review_event').addColumn('scenario', 'text').execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('review_event').dropColumn('scenario').execute();
      await db.schema.alterTable('review_event').dropColumn('score').execute();
    },
  },
  '0009_agent_names': {
    // Names for pseudonyms, where a tenant maps them (npm run agents:name): per tenant and pseudonym, shown only on
    // the supervisors' dashboard. Empty unless someone maps a name; the events themselves keep only the pseudonym.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('agent_name')
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('agent', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('agent_name_pk', ['tenant', 'agent'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('agent_name').execute();
    },
  },
  '0010_event_team': {
    // The team a review came from (issue 10: "team or conversation kind"): the Teams team's id where the activity came
    // from a team channel, else the conversation kind (personal, groupChat); null where no team exists (web chat, the
    // HTTP API, the CLI) and in events written before this migration. Teams names a team only in some activities
    // (a bot added to a team, a team renamed), not in the messages themselves, so the names live in a table of their
    // own, per tenant and team id, and the dashboard joins them.
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('review_event').addColumn('team', 'text').execute();
      await db.schema
        .createTable('team_name')
        .addColumn('tenant', 'text', (c) => c.notNull())
        .addColumn('team', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
        .addPrimaryKeyConstraint('team_name_pk', ['tenant', 'team'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('team_name').execute();
      await db.schema.alterTable('review_event').dropColumn('team').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export const migrationNames = (): string[] => Object.keys(migrations);

// Migrations run before the typed schema exists, so the migrator takes the database untyped.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
