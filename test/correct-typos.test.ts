import { describe, expect, it } from 'vitest';
import { correctTypos, knownWords } from '../src/engine/correct-typos.js';
import { review } from '../src/engine/review.js';

// Swapped letters are mended towards the words the rules look for, before patterns and lexicon lists read the
// draft (src/engine/correct-typos.ts); what the agent wrote is what findings quote.
describe('mending swapped letters', () => {
  const k = knownWords({ words: ['tried', 'thanks'], prefixes: ['przekazal'], targets: ['thanks', 'message', 'arrange', 'tired', 'sprawdze', 'sprawdzi'] });

  it('mends a swap towards a word a rule looks for, keeping every offset', () => {
    const text = 'thnaks, i will arrnage it. your mesasge came.';
    const mended = correctTypos(k, text);
    expect(mended).toBe('thanks, i will arrange it. your message came.');
    expect(mended).toHaveLength(text.length);
  });
  it('leaves known words, words a rule prefix accepts, and the letters where words inflect alone', () => {
    expect(correctTypos(k, 'i tried it')).toBe('i tried it'); // "tried" is a word of its own, not "tired"
    expect(correctTypos(k, 'przekazalem')).toBe('przekazalem');
    expect(correctTypos(k, 'thnak')).toBe('thnak'); // the swap would touch the last two letters
    expect(correctTypos(k, 'hte')).toBe('hte');
  });

  it('keeps a commitment typed in a hurry a commitment, in English and Finnish', () => {
    const en = review({ lang: 'en', draft: "Sorry about that, I'll arrnage a replacement.", customer: 'My parcel came broken.', channel: 'chat', firstReply: false });
    expect(en.findings.map((f) => f.rule)).not.toContain('missing-next-step');
    const fi = review({ lang: 'fi', draft: 'Pahoittelen, tarkitsan asian.', customer: 'Paketti tuli rikki.', channel: 'chat', firstReply: false });
    expect(fi.findings.map((f) => f.rule)).not.toContain('missing-next-step');
  });
  it('still finds what is there, and quotes the draft as typed', () => {
    const r = review({ lang: 'en', draft: "That's not my depratment, sorry.", channel: 'chat', firstReply: false });
    const f = r.findings.find((x) => x.rule === 'not-my-department');
    expect(f?.quote).toMatch(/depratment/);
  });
});

describe('the typos npm run eval:typos adds', () => {
  it('are the same every run, never touch a first letter, and swaps keep the length', async () => {
    const { typoMaker } = await import('../src/eval/add-typos.js');
    const text = 'Przepraszamy za opóźnienie, sprawdzimy przesyłkę i odezwiemy się jutro rano.';
    const a = typoMaker('swap', 1)(text);
    expect(a).toBe(typoMaker('swap', 1)(text));
    expect(a).not.toBe(text);
    expect(a).toHaveLength(text.length);
    const words = text.split(' ');
    a.split(' ').forEach((w, i) => expect(w.charAt(0)).toBe(words[i]!.charAt(0)));
    expect(typoMaker('mixed', 1)(text)).not.toBe(text);
    expect(typoMaker('swap', 0)(text)).toBe(text);
  });
});
