import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { review } from '../src/engine/review.js';

// Issue 8: formality where the language needs it (fi sinä/te, hu Ön/te), so no slashes reach the customer.
const kb = loadKnowledgeBase();
const texts = (draft: string, lang: 'fi' | 'hu' | 'pl', registers?: Record<string, string>) =>
  review({ draft, lang }, { kb, ...(registers ? { registers } : {}) }).suggestions.map((s) => s.text).join('\n');

const FI_SINA = /\b(sinulle|sinua|sinun|sinulta|sinut|viestistäsi|puhelinnumerosi|asiasi|voit|saat)\b/iu;
const FI_TE = /\b(teille|teitä|teidän|teiltä|teidät|viestistänne|puhelinnumeronne|asianne|voitte|saatte)\b/iu;
const HU_ON = /\b(Ön|Önnek|Önt|Önnel|megkeresett|elmondaná|tartsa)\b/u;
const HU_TE = /\b(neked|téged|veled|megkerestél|elmondanád|tartsd|Szia)\b/u;

describe('alternatives address the customer as the agent does', () => {
  it('Finnish: a draft in te gets te, one in sinä gets sinä, and REPLY_REGISTER decides when the draft shows neither', () => {
    const te = texts('Hei, en tiedä mitään teidän tilauksestanne. Soittakaa myöhemmin uudestaan.', 'fi');
    expect(te).toMatch(FI_TE);
    expect(te).not.toMatch(FI_SINA);
    const sina = texts('Moi, en tiedä sun tilauksesta mitään. Soita myöhemmin uudestaan.', 'fi');
    expect(sina).toMatch(FI_SINA);
    expect(sina).not.toMatch(FI_TE);
    expect(texts('En tiedä.', 'fi', { fi: 'te' })).toMatch(FI_TE);
    expect(texts('En tiedä.', 'fi')).toMatch(FI_SINA);
  });

  it('Hungarian: a draft in te (tegezés) gets te, one in Ön gets Ön', () => {
    const te = texts('Szia! Nem tudom, hol van a csomagod, hívj később.', 'hu');
    expect(te).toMatch(HU_TE);
    expect(te).not.toMatch(HU_ON);
    const on = texts('Jó napot! Nem tudom, hol van az Ön csomagja, hívjon később.', 'hu');
    expect(on).toMatch(HU_ON);
    expect(on).not.toMatch(HU_TE);
    expect(texts('Nem tudom.', 'hu', { hu: 'te' })).toMatch(HU_TE);
  });

  it('every phrasing has its other-register form with the same placeholders, and none carries a slash between forms', () => {
    for (const lang of ['fi', 'hu'] as const) {
      const register = kb.languages[lang].register!;
      expect(register, lang).toBeDefined();
      for (const g of kb.guidelines) {
        const phrasing = g.data.preferred[lang][0];
        if (phrasing === undefined || g.data.source.document.length !== 3) continue;
        expect(register.variants.has(phrasing), `${g.data.id} ${lang}`).toBe(true);
      }
    }
    const slashed = /\b(Pan\/Pani|Pani\/Pan|sinä\/te|te\/sinä|Ön\/te|te\/Ön|\w+\/\w+ła)\b/u;
    for (const g of kb.guidelines) for (const lang of ['fi', 'pl', 'hu', 'en'] as const) for (const p of g.data.preferred[lang]) expect(p, g.data.id).not.toMatch(slashed);
    for (const lang of ['fi', 'hu'] as const) for (const v of kb.languages[lang].register!.variants.values()) expect(v).not.toMatch(slashed);
  });

  it('REPLY_REGISTER is checked at start-up', () => {
    expect(loadConfig({ REPLY_REGISTER: 'fi=te, hu=te' }).REPLY_REGISTER).toEqual({ fi: 'te', hu: 'te' });
    expect(() => loadConfig({ REPLY_REGISTER: 'fi=on' })).toThrow(/REPLY_REGISTER/);
    expect(() => loadConfig({ REPLY_REGISTER: 'pl=pani' })).toThrow(/REPLY_REGISTER/);
  });
});
