import { setFlagsFromString } from 'node:v8';

/**
 * The engine runs ~1,800 patterns, most of them several times in its first review (once per sentence, per
 * lexicon list). V8's default regexp tier-up first compiles each to bytecode and interprets it, then compiles
 * it again to machine code on its next run, so the first review paid for two compilations of nearly every
 * pattern. Compiling straight to machine code halves the first review (measured 165 → 73 ms, `npm run bench`);
 * steady-state speed is the same, since tier-up ends in machine code anyway. The flag is read whenever a
 * regular expression is compiled, so setting it before the knowledge base builds its patterns is enough.
 */
setFlagsFromString('--no-regexp-tier-up');
