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
  return (
    value
      .replace(/^(\s*)([-*+]|\d+\.)(\s)/gm, '$1$2\u00a0')
      // A draft is text, never markup: "<img src=x onerror=…>" must not become an element in Web Chat, nor
      // "![x](url)" an image or "[x](url)" a link. A word joiner (U+2060) after "<", "!" and "]" breaks the
      // syntax and shows nothing; "Use this" carries the text itself, untouched.
      .replace(/<(?=[\p{L}/!?])/gu, '<\u2060')
      .replace(/!\[/g, '!\u2060[')
      .replace(/\]\(/g, ']\u2060(')
  );
}

/** The [placeholders] left in a text, each once, in order. */
export function placeholdersIn(value: string): string[] {
  return [...new Set(value.match(/\[[^\]\n]{1,80}\]/gu) ?? [])];
}

/** Where a card finds a source passage's title and translation in the reader's language (KnowledgeBase.sourceIn). */
export type SourceLookup = (document: string, quote: string) => { title?: string; translation?: string };

/**
 * The source of a finding or guideline: the document (with its title in the reader's language), the verbatim
 * quote, and beside it what the quote says in the reader's language when that is not the document's.
 */
export function sourceLines(label: string, source: { document: string; quote: string }, lookup?: SourceLookup, extra = ''): CardElement[] {
  const found = lookup?.(source.document, source.quote) ?? {};
  const title = found.title ? ` (${literal(found.title)})` : '';
  const lines: CardElement[] = [text(`${label} ${source.document}${title}${extra}: “${literal(source.quote)}”`, { isSubtle: true, size: 'Small', spacing: 'Small' })];
  if (found.translation && found.translation !== source.quote) lines.push(text(`→ ${literal(found.translation)}`, { isSubtle: true, size: 'Small', spacing: 'None' }));
  return lines;
}
