import type { Kysely } from 'kysely';
import type { Tables } from './tables.js';

/**
 * Names for pseudonyms, where a tenant wants its supervisors to see them (issue 10): by default the dashboard shows
 * only the keyed hash; a tenant that maps an agent's pseudonym to a name (`npm run agents:name`) sees the name beside
 * it. Kept per tenant and pseudonym, shown only on the supervisors' dashboard, deleted by `data:forget`.
 */
export class AgentNames {
  constructor(private readonly db: Kysely<Tables>) {}

  async set(tenant: string, agent: string, name: string): Promise<void> {
    await this.db
      .insertInto('agent_name')
      .values({ tenant, agent, name })
      .onConflict((oc) => oc.columns(['tenant', 'agent']).doUpdateSet({ name }))
      .execute();
  }

  /** Removes one mapping (the agent shows as the pseudonym again); true when there was one. */
  async remove(tenant: string, agent: string): Promise<boolean> {
    const r = await this.db.deleteFrom('agent_name').where('tenant', '=', tenant).where('agent', '=', agent).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /** Every mapping of one agent, whatever the tenant (`data:forget --agent` knows only the pseudonym). */
  async forget(agent: string): Promise<number> {
    const r = await this.db.deleteFrom('agent_name').where('agent', '=', agent).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async list(tenant?: string): Promise<{ tenant: string; agent: string; name: string }[]> {
    let q = this.db.selectFrom('agent_name').select(['tenant', 'agent', 'name']).orderBy('tenant').orderBy('name');
    if (tenant) q = q.where('tenant', '=', tenant);
    return q.execute();
  }
}
