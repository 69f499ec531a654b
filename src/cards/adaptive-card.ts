/** Minimal Adaptive Card 1.5 shapes: Teams renders 1.5 at most, and every card here validates against that schema. */
export type CardElement = Record<string, unknown> & { type: string };

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
}

export function adaptiveCard(body: CardElement[], actions?: CardElement[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
    // No `msteams: { width: 'Full' }`: it is outside the official 1.5 schema, which every card here must pass.
  };
}

export const text = (value: string, extra: Record<string, unknown> = {}): CardElement => ({ type: 'TextBlock', text: value, wrap: true, ...extra });

/**
 * Agent and customer text shown in a TextBlock. Teams renders backslash escapes literally, so nothing is
 * escaped (the agent copies what they see); only a leading list marker is kept from turning into a list.
 */
export function literal(value: string): string {
  return value.replace(/^(\s*)([-*+]|\d+\.)(\s)/gm, '$1$2\u00a0');
}
