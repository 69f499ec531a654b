import { sql, type Kysely } from 'kysely';
import type { Tables } from './tables.js';

/** Who asks for a model call: the user (Entra object id, or the channel's id) and their tenant. */
export interface LlmCaller {
  user?: string;
  tenant?: string;
}

export interface DailyLimits {
  perUser: number;
  perTenant: number;
}

const today = (now: number) => new Date(now).toISOString().slice(0, 10);
const subjects = (caller: LlmCaller) => [`user:${caller.user || 'unknown'}`, `tenant:${caller.tenant || 'none'}`];

/**
 * Daily budgets for model calls (LLM_CALLS_PER_USER_PER_DAY, LLM_CALLS_PER_TENANT_PER_DAY): past either, the
 * caller gets the offline engine for the rest of the UTC day, which is always there. Counted in the database
 * (every instance shares the count) or, with STORAGE=memory, in the process.
 */
export class DailyLlmBudget {
  private readonly memory = new Map<string, number>();

  constructor(
    readonly limits: DailyLimits,
    private readonly db?: Kysely<Tables>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one call for the caller; false when the user's or the tenant's budget for today is spent. */
  async take(caller: LlmCaller): Promise<boolean> {
    const day = today(this.now());
    const [user, tenant] = subjects(caller) as [string, string];
    const counts = this.db ? await this.countInDatabase(day, [user, tenant]) : this.countInMemory(day, [user, tenant]);
    return counts[0]! <= this.limits.perUser && counts[1]! <= this.limits.perTenant;
  }

  private countInMemory(day: string, keys: string[]): number[] {
    // Yesterday's counts go as soon as a new day starts, so the map holds one day's callers at most.
    for (const key of this.memory.keys()) if (!key.startsWith(`${day}|`)) this.memory.delete(key);
    return keys.map((k) => {
      const n = (this.memory.get(`${day}|${k}`) ?? 0) + 1;
      this.memory.set(`${day}|${k}`, n);
      return n;
    });
  }

  private async countInDatabase(day: string, keys: string[]): Promise<number[]> {
    const out: number[] = [];
    for (const subject of keys) {
      const row = await this.db!
        .insertInto('llm_usage')
        .values({ day, subject, calls: 1 })
        .onConflict((oc) => oc.columns(['day', 'subject']).doUpdateSet({ calls: sql`llm_usage.calls + 1` }))
        .returning('calls')
        .executeTakeFirstOrThrow();
      out.push(Number(row.calls));
    }
    return out;
  }

  /** Deletes counts older than a week (they answer nothing any more). */
  async sweep(): Promise<void> {
    if (!this.db) return;
    await this.db.deleteFrom('llm_usage').where('day', '<', today(this.now() - 7 * 86_400_000)).execute();
  }
}
