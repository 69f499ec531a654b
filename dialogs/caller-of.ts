import type { Activity } from 'botbuilder';
import type { Caller } from '../src/assistant/assistant.js';

type TeamsChannelData = { tenant?: { id?: string }; team?: { id?: string; name?: string } };

/**
 * Who sent an activity and from where, for the daily model-call budgets and the review events: the Entra object
 * id where Teams gives one (stable across a user's devices), else the channel's user id; the tenant from Teams,
 * else the channel (one web chat, one budget); the site (compose box, web chat, Teams chat); the team. Never
 * logged; the event log keeps only a keyed hash of tenant and user.
 */
export function callerOf(activity: Partial<Activity>): Caller {
  const from = activity.from as { id?: string; aadObjectId?: string } | undefined;
  const tenant = (activity.conversation as { tenantId?: string } | undefined)?.tenantId ?? (activity.channelData as TeamsChannelData | undefined)?.tenant?.id;
  const compose = activity.type === 'invoke' && (activity.name ?? '').startsWith('composeExtension/');
  const site = compose ? 'compose' : activity.channelId === 'directline' || activity.channelId === 'webchat' ? 'web' : 'chat';
  const team = teamOf(activity);
  return { user: from?.aadObjectId ?? from?.id ?? '', tenant: tenant ?? `channel:${activity.channelId ?? ''}`, site, channel: activity.channelId ?? 'unknown', ...(team ? { team } : {}) };
}

/**
 * The team, for the supervisors' filter: the Teams team's id where the activity comes from a team channel (Teams puts
 * channelData.team in a channel's messages and invokes, the compose box's too), else Teams' conversation kind
 * (personal, groupChat). Outside Teams no activity names a team (the web chat), so none is given.
 */
export function teamOf(activity: Partial<Activity>): string | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  const team = (activity.channelData as TeamsChannelData | undefined)?.team?.id;
  return team || (activity.conversation as { conversationType?: string } | undefined)?.conversationType || undefined;
}

/**
 * A team's name, where the activity carries one: Teams names the team in its conversation updates (the bot added to
 * a team, a member added, the team renamed) but gives only the id in messages, so names are kept apart from events.
 */
export function teamNameOf(activity: Partial<Activity>): { team: string; name: string } | undefined {
  if (activity.channelId !== 'msteams') return undefined;
  const team = (activity.channelData as TeamsChannelData | undefined)?.team;
  return team?.id && typeof team.name === 'string' && team.name.trim() ? { team: team.id, name: team.name } : undefined;
}
