import { describe, expect, it } from 'vitest';
import { extractFacts } from '../src/engine/extract-facts.js';
import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { isPersonalId } from '../src/engine/personal-ids.js';
import { review } from '../src/engine/review.js';

const kb = loadKnowledgeBase();
const personal = (lang: 'fi' | 'pl' | 'hu' | 'en', text: string) =>
  extractFacts(text).filter((f) => isPersonalId(kb.languages[lang], text, f)).map((f) => f.text);

describe('a PESEL, henkilötunnus or card number is confirmed in writing without being repeated', () => {
  it('knows them by their name or their form, and an order number is none', () => {
    expect(personal('pl', 'numer umowy UM/2023/11872, PESEL 85031204567')).toEqual(['85031204567']);
    expect(personal('fi', 'tilaus 77812, hetu 131052-308T')).toEqual(['131052-308T']);
    expect(personal('hu', 'Az adóazonosító jelem 8123456789, a rendelés 55120.')).toEqual(['8123456789']);
    expect(personal('en', 'order 4471-2231 went on card 4111 1111 1111 1111')).toEqual(['4111 1111 1111 1111']);
    // Sixteen digits that fail the card checksum are some other number.
    expect(personal('en', 'tracking 4111 1111 1111 1112')).toEqual([]);
  });

  it('in chat, the review does not ask for a PESEL to be read back, and the alternative does not repeat it', () => {
    const res = review({
      lang: 'pl',
      channel: 'chat',
      customer: 'Umowa UM/2023/11872, PESEL 85031204567. Dlaczego jest kara?',
      draft: 'Sprawdziłam i anulowałam karę, korekta przyjdzie mailem w ciągu 2 dni.',
    });
    expect(res.findings.map((f) => f.rule)).toContain('unconfirmed-details');
    for (const s of res.suggestions) {
      expect(s.text).toContain('UM/2023/11872');
      expect(s.text).not.toContain('85031204567');
    }
    const onlyPesel = review({ lang: 'pl', channel: 'chat', customer: 'Mój PESEL to 85031204567, czemu jest kara?', draft: 'Sprawdziłam i anulowałam karę, korekta przyjdzie mailem w ciągu 2 dni.' });
    expect(onlyPesel.findings.map((f) => f.rule)).not.toContain('unconfirmed-details');
  });

  it('on the phone it is still read back', () => {
    const res = review({
      lang: 'fi',
      channel: 'phone-script',
      customer: 'Henkilötunnukseni on 131052-308T, miksi laskussa on virhe?',
      draft: 'Tarkistin laskun ja korjasin virheen, uusi lasku lähtee teille huomenna.',
    });
    expect(res.findings.map((f) => f.rule)).toContain('unconfirmed-details');
    expect(res.suggestions[0]!.text).toContain('131052-308T');
  });
});
