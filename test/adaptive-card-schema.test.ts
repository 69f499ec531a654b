import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_SCHEMA_PATH, validateAdaptiveCard } from './support/adaptive-card-schema.js';
import { FROM_SHARED, requireFile } from './support/prerequisites.js';

requireFile(ADAPTIVE_CARD_SCHEMA_PATH, FROM_SHARED);
const SAMPLES_DIR = requireFile(fileURLToPath(new URL('../../shared/external/adaptive-cards/samples-v1.5/', import.meta.url)), FROM_SHARED);
// Official samples that fail the official schema because of gaps in the schema itself
// (see /work/shared/external/README.md, section 2): not evidence about our validator.
const SCHEMA_GAP_SAMPLES = new Set([
  'ExpenseReport.json', 'FlightUpdateTable.json', 'InputsWithValidation.json', 'RestaurantOrder.json', 'element.Table.json',
]);
const readSample = (file: string): unknown => JSON.parse(readFileSync(join(SAMPLES_DIR, file), 'utf8'));

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AdaptiveCard', version: '1.5', body, ...extra });

describe('validateAdaptiveCard against the official 1.5 schema', () => {
  const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.json') && !SCHEMA_GAP_SAMPLES.has(f)).sort();

  it('has the official samples to check against', () => {
    expect(samples.length).toBeGreaterThanOrEqual(20);
    expect(samples).toEqual(expect.arrayContaining(['ActivityUpdate.json', 'InputForm.json', 'ShowCardWizard.json', 'element.Action.Execute.Mode.json']));
  });

  it.each(samples)('accepts the official sample %s', (file) => {
    expect(validateAdaptiveCard(readSample(file))).toEqual([]);
  });

  it('accepts a small hand-written Teams card', () => {
    const ok = card(
      [{ type: 'TextBlock', text: 'Looks good to send', wrap: true, weight: 'Bolder' }],
      { actions: [{ type: 'Action.Submit', title: 'Send', data: { verb: 'send' } }] },
    );
    expect(validateAdaptiveCard(ok)).toEqual([]);
  });

  it('rejects a TextBlock without text, with just that error (not one per element type)', () => {
    expect(validateAdaptiveCard(card([{ type: 'TextBlock', wrap: true }]))).toEqual(["/body/0 must have required property 'text'"]);
  });

  it('rejects an unknown element type, naming the allowed ones', () => {
    const errors = validateAdaptiveCard(card([{ type: 'Marquee', text: 'hi' }]));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\/body\/0\/type must be one of .*"ColumnSet".*"TextBlock"/);
  });

  it('reports errors in nested elements and actions at their own paths', () => {
    const nested = card(
      [{ type: 'Container', items: [{ type: 'Image' }], selectAction: { type: 'Action.Submit', foo: 1 } }],
      { actions: [{ type: 'Action.Submit', title: 3 }] },
    );
    expect(validateAdaptiveCard(nested).sort()).toEqual([
      '/actions/0/title must be string',
      "/body/0/items/0 must have required property 'url'",
      '/body/0/selectAction must NOT have additional properties (foo)',
    ]);
  });

  it('rejects the known schema-gap samples for the reasons the README gives', () => {
    expect(validateAdaptiveCard(readSample('InputsWithValidation.json'))).toEqual(['/body/7/inlineAction must NOT have additional properties (role)']);
    expect(validateAdaptiveCard(readSample('RestaurantOrder.json'))).toContain('/body/1/style must be one of "compact", "expanded"');
    expect(validateAdaptiveCard(readSample('FlightUpdateTable.json'))).toContain("/body/1/rows/0/cells/1 must have required property 'items'");
  });

  it('rejects a bad enum value and an unknown property', () => {
    const errors = validateAdaptiveCard(card([{ type: 'TextBlock', text: 'x', size: 'giant' }], { colour: 'red' }));
    expect(errors.some((e) => e.startsWith('/body/0/size'))).toBe(true);
    expect(errors).toContain('/ must NOT have additional properties (colour)');
  });

  it('rejects cards newer than 1.5, also inside Action.ShowCard, and odd version strings', () => {
    expect(validateAdaptiveCard(card([{ type: 'TextBlock', text: 'x' }], { version: '1.6' }))).toEqual([
      '/ version 1.6 is newer than 1.5, the highest Teams renders',
    ]);
    expect(validateAdaptiveCard(card([], { version: '1.10' }))).toHaveLength(1);
    expect(validateAdaptiveCard(card([], { version: '2.0' }))).toHaveLength(1);
    expect(validateAdaptiveCard(card([], { version: 'latest' }))[0]).toMatch(/major\.minor/);
    const nested = card([], { actions: [{ type: 'Action.ShowCard', title: 'More', card: { type: 'AdaptiveCard', version: '1.6', body: [] } }] });
    expect(validateAdaptiveCard(nested)).toEqual(['/actions/0/card version 1.6 is newer than 1.5, the highest Teams renders']);
    expect(validateAdaptiveCard(card([], { version: '1.0' }))).toEqual([]);
  });

  it('rejects things that are not top-level cards', () => {
    expect(validateAdaptiveCard({ type: 'AdaptiveCard', body: [] })).toContain('/ version is required on the top-level card');
    expect(validateAdaptiveCard({})).toContain('/ type must be "AdaptiveCard"');
    expect(validateAdaptiveCard('card').length).toBeGreaterThan(0);
  });
});
