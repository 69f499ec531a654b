// The layers of Warmline, lowest first (STYLE.md 14): one list that both the lint (eslint.config.js) and
// `npm run -s deps:graph` (scripts/deps-graph.mjs) read, so the rule and the picture cannot drift apart.
// A folder may import only from rows below its own. The folders of one row import neither each other, except in
// the top row: the composition roots (the Bot Framework channel and the HTTP API, dialogs, the command lines,
// the evaluation, the Teams package, the benchmarks), which wire the layers below and may use each other.

/** Rows of folders under src/ (dialogs/ and bench/ sit beside src/). */
export const LAYERS = [
  ['core'],
  ['config', 'store', 'engine'],
  ['retrieval'],
  ['kb', 'llm'],
  ['cards'],
  ['assistant'],
  ['channels', 'dialogs', 'cli', 'eval', 'teams-app', 'bench'],
];

/** botbuilder's packages live in these folders only, so a port to the Microsoft 365 Agents SDK touches them alone. */
export const BOTBUILDER_PACKAGES = ['botbuilder', 'botbuilder-*', 'botframework-*'];
export const BOTBUILDER_HOMES = ['src/channels/botframework/', 'dialogs/'];
/** The one exception: the benchmark's echo baseline is a bare botbuilder ActivityHandler, measured against the bot. */
export const BOTBUILDER_EXCEPTIONS = ['bench/bot-bench-server.ts'];

/** The folders a folder of `row` may not import. */
export function notBelow(row) {
  const top = row === LAYERS.length - 1;
  return LAYERS.slice(top ? row + 1 : row).flat();
}
