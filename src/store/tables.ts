import type { ColumnType } from 'kysely';

/** The schema as the code sees it; `migrations.ts` makes it so in the database. */
export interface Tables {
  bot_state: {
    key: string;
    etag: string;
    data: ColumnType<unknown, string, string>;
    updated_at: ColumnType<Date, Date | undefined, Date>;
  };
}
