import type { Activity } from 'botbuilder';
import type { Caller } from '../src/assistant/assistant.js';

/**
 * Who sent an activity, for the daily model-call budgets: the Entra object id where Teams gives one (stable
 * across a user's devices), else the channel's user id; the tenant from Teams, else the channel (one web chat,
 * one budget). Never logged.
 */
export function callerOf(activity: Partial<Activity>): Caller {
  const from = activity.from as { id?: string; aadObjectId?: string } | undefined;
  const tenant = (activity.conversation as { tenantId?: string } | undefined)?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return { user: from?.aadObjectId ?? from?.id ?? '', tenant: tenant ?? `channel:${activity.channelId ?? ''}` };
}
