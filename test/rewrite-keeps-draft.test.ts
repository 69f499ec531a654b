import { describe, expect, it } from 'vitest';
import { review } from '../src/engine/review.js';

// Issue 8, part 2 (first steps): an alternative keeps what the draft did right.
const suggestions = (draft: string, extra: Record<string, unknown> = {}) => review({ draft, ...extra }).suggestions.map((s) => s.text);

describe('alternatives built from the draft', () => {
  it('a good draft that already commits gets no second, generic commitment (en, hu)', () => {
    for (const text of suggestions("Hi Dana, I've found your parcel at the depot and will message you by 3 pm today.", { lang: 'en', customer: 'Where is my parcel?' })) {
      expect(text).not.toMatch(/\[time you can keep\]|get back to you by/);
      expect(text.startsWith('Hi Dana,')).toBe(true);
    }
    for (const text of suggestions('Szia Dóra, megtaláltam a csomagot a raktárban, és ma 15 óráig írok neked.', { lang: 'hu' })) {
      expect(text).not.toMatch(/\[időpont/);
    }
  });

  it('greets first and keeps the salutation of a flagged sentence word for word', () => {
    for (const text of suggestions("Hi Dana, sorry, that's not my department.", { lang: 'en' })) expect(text.startsWith('Hi Dana, ')).toBe(true);
    for (const text of suggestions('Hei Matti, en tiedä.', { lang: 'fi' })) expect(text.startsWith('Hei Matti, ')).toBe(true);
  });
});

describe('an alternative never asks for what the customer already gave', () => {
  it('reads the number back instead of asking for it again', () => {
    const result = review({ draft: "Sorry, that's not my department. Could you send your order number again?", customer: 'My order 4471-2231 arrived broken.', lang: 'en' });
    for (const s of result.suggestions) {
      expect(s.text).toContain('4471-2231');
      const again = review({ draft: s.text, customer: 'My order 4471-2231 arrived broken.', lang: 'en', firstReply: false });
      expect(again.findings.map((f) => f.rule)).not.toContain('asks-details-again');
    }
  });
});

describe('what follows the fault as its consequence goes with it', () => {
  it('keeps "Thanks for waiting" but not ", so contact them directly" after a blamed third party', () => {
    for (const s of suggestions("Thanks for waiting, but that is the courier's responsibility, so contact them directly.", { lang: 'en' })) {
      expect(s).toContain('Thanks for waiting.');
      expect(s).not.toMatch(/contact them directly/);
    }
  });
});
