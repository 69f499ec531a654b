/**
 * Typing in a hurry, simulated on an evaluation set's drafts, to measure how much of the engine's judgement
 * survives typos (`npm run eval:typos`). Deterministic: the same seed gives the same typos, so two versions of the
 * engine are compared on the very same misspelt drafts. One word in `rate` of five letters or more gets one typo,
 * never in its first letter: `swap` swaps two neighbouring letters; `mixed` also types a letter wrong, drops one
 * or doubles one, as people do.
 */
export type TypoKind = 'swap' | 'mixed';

export function typoMaker(kind: TypoKind, rate = 0.15, seed = 7): (text: string) => string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return (text) =>
    text.replace(/\p{L}{5,}/gu, (w) => {
      if (next() > rate) return w;
      const i = 1 + Math.floor(next() * (w.length - 2));
      const how = kind === 'swap' ? 0 : Math.floor(next() * 4);
      const letter = 'aeioulnrst'[Math.floor(next() * 10)]!;
      if (how === 0) return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
      if (how === 1) return w.slice(0, i) + letter + w.slice(i + 1);
      if (how === 2) return w.slice(0, i) + w.slice(i + 1);
      return w.slice(0, i) + w[i] + w.slice(i);
    });
}
