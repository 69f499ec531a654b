import type { Activity } from 'botbuilder';
import type { Caller } from '../src/assistant/assistant.js';

/**
 * Who sent an activity and from where, for the daily model-call budgets and the review events: the Entra object
 * id where Teams gives one (stable across a user's devices), else the channel's user id; the tenant from Teams,
 * else the channel (one web chat, one budget); the site (compose box, web chat, Teams chat). Never logged; the
 * event log keeps only a keyed hash of tenant and user.
 */
export function callerOf(activity: Partial<Activity>): Caller {
  const from = activity.from as { id?: string; aadObjectId?: string } | undefined;
  const tenant = (activity.conversation as { tenantId?: string } | undefined)?.tenantId ?? (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  const compose = activity.type === 'invoke' && (activity.name ?? '').startsWith('composeExtension/');
  const site = compose ? 'compose' : activity.channelId === 'directline' || activity.channelId === 'webchat' ? 'web' : 'chat';
  return { user: from?.aadObjectId ?? from?.id ?? '', tenant: tenant ?? `channel:${activity.channelId ?? ''}`, site, channel: activity.channelId ?? 'unknown' };
}
