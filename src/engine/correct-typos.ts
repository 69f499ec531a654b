import type { Vocabulary } from '../core/knowledge-artifact.js';
import { isLetter } from '../core/letter-class.js';

/**
 * Agents type fast: "plaese", "tarkitsan", "wszytskie". Patterns and lexicon lists match exact letters, so one
 * pair of swapped letters hides a commitment (a false "missing next step") or a put-down (a missed finding).
 * Before matching, a word of five letters or more that the knowledge base does not know is mended when swapping
 * one pair of neighbouring letters gives exactly one word a rule looks for. Only swaps, which keep the word's
 * length, so every offset still points into the draft and findings quote what the agent wrote. The first letter
 * and the last two stay put: that is where the languages inflect, as in the token rules' own tolerance
 * (tokens/token-rule.ts). A letter typed wrong was tried and left out: without a full dictionary it turned right
 * words into other words ("playing" into "placing", "czacie" into "czasie").
 */
export interface KnownWords {
  words: ReadonlySet<string>;
  prefixes: ReadonlySet<string>;
  targets: ReadonlySet<string>;
}

export function knownWords(v: Vocabulary): KnownWords {
  return { words: new Set(v.words), prefixes: new Set(v.prefixes), targets: new Set(v.targets ?? []) };
}

const MIN_LENGTH = 5;
const MIN_PREFIX = 4;

function known(k: KnownWords, w: string): boolean {
  if (k.words.has(w)) return true;
  for (let n = MIN_PREFIX; n <= w.length; n++) if (k.prefixes.has(w.slice(0, n))) return true;
  return false;
}

/** The one word a rule looks for that a swap of two neighbouring letters makes of `w`, or null (none, or two). */
function mended(k: KnownWords, w: string): string | null {
  let found: string | null = null;
  for (let i = 1; i + 1 <= w.length - 3; i++) {
    if (w[i] === w[i + 1]) continue;
    const t = w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
    if (!k.targets.has(t)) continue;
    if (found !== null && found !== t) return null;
    found = t;
  }
  return found;
}

/** `folded` with unknown words mended where one swap makes a word a rule looks for; the same length, letter for letter. */
export function correctTypos(k: KnownWords, folded: string): string {
  let out = '';
  let last = 0;
  const n = folded.length;
  for (let i = 0; i < n; ) {
    if (!isLetter(folded.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isLetter(folded.charCodeAt(i))) i++;
    if (i - start < MIN_LENGTH) continue;
    const w = folded.slice(start, i);
    if (known(k, w)) continue;
    const t = mended(k, w);
    if (t === null) continue;
    out += folded.slice(last, start) + t;
    last = i;
  }
  return last === 0 ? folded : out + folded.slice(last);
}
