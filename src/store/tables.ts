import type { ColumnType, Generated } from 'kysely';

/** The schema as the code sees it; `migrations.ts` makes it so in the database. */
export interface Tables {
  bot_state: {
    key: string;
    etag: string;
    data: ColumnType<unknown, string, string>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  web_chat_conversation: {
    id: string;
    token_hash: string;
    token_expires_at: Date;
    user_id: string;
    locale: string | null;
    service_url: string;
    started: ColumnType<boolean, boolean | undefined, boolean>;
    /** bigint comes back as a string from PostgreSQL and a number from PGlite: read it with Number(). */
    seq: ColumnType<string | number, number | undefined, number>;
    last_seen: ColumnType<Date, Date | undefined, Date>;
  };
  web_chat_activity: {
    conversation_id: string;
    seq: ColumnType<string | number, number, number>;
    activity_id: string;
    bytes: number;
    data: ColumnType<unknown, string, string>;
  };
  api_key: {
    id: string;
    tenant: string;
    sha256: string;
    created_at: ColumnType<Date, Date | undefined, never>;
    revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  };
  llm_usage: {
    day: string;
    subject: string;
    calls: ColumnType<number, number | undefined, number>;
  };
  knowledge_version: {
    id: Generated<number>;
    hash: string;
    artifact: string;
    published_at: ColumnType<Date, Date | undefined, never>;
  };
  review_event: {
    id: Generated<string>;
    at: ColumnType<Date, Date | undefined, Date>;
    kind: 'review' | 'choice' | 'practice';
    review_id: string;
    tenant: string;
    agent: string;
    site: string;
    channel: string;
    lang: string | null;
    verdict: string | null;
    mode: string | null;
    findings: ColumnType<unknown, string | null, never>;
    choice: string | null;
    /** A practice answer's score, 0-100 (kind 'practice'). */
    score: number | null;
    /** The practice scenario's id (kind 'practice'). */
    scenario: string | null;
    /** The Teams team's id, or the conversation kind (personal, groupChat); null without a team (web, API, CLI). */
    team: string | null;
  };
  review_text: {
    id: Generated<string>;
    at: ColumnType<Date, Date | undefined, Date>;
    review_id: string;
    tenant: string;
    agent: string;
    draft: string;
  };
  agent_name: {
    tenant: string;
    agent: string;
    name: string;
  };
  team_name: {
    tenant: string;
    team: string;
    name: string;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
  deployment_setting: {
    key: string;
    value: string;
  };
}
