import type { Activity } from 'botbuilder';

/** The tenant of a Teams activity: conversation.tenantId, or channelData.tenant.id on older payloads. */
export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = (activity.conversation as { tenantId?: string } | undefined)?.tenantId;
  const fromChannelData = (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return (fromConversation ?? fromChannelData)?.toLowerCase();
}

/** ALLOWED_TENANTS applies to Teams traffic; an empty list allows every tenant. */
export function isTenantAllowed(activity: Partial<Activity>, allowed: readonly string[]): boolean {
  if (allowed.length === 0 || activity.channelId !== 'msteams') return true;
  const tenant = tenantOf(activity);
  return tenant !== undefined && allowed.includes(tenant);
}
