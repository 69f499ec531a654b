import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'build/', 'node_modules/', 'coverage/', 'scratch/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layers(),
);

/**
 * Layers import downward only (STYLE.md): core ← engine ← retrieval ← kb, llm ← cards ← assistant ← channels,
 * dialogs, cli, eval. botbuilder belongs to src/channels/botframework and dialogs/ alone, so a port to the
 * Microsoft 365 Agents SDK touches those two folders. An arrow pointing the wrong way fails `npm run lint`.
 */
function layers() {
  const botbuilder = { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder lives in src/channels/botframework and dialogs/ only' };
  const above = (...names) => ({ group: names.map((n) => `**/${n}/**`), message: `imports must point down the layers; ${names.join(', ')} sit above this folder` });
  const rule = (files, ...groups) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: groups }] } });
  const top = ['channels', 'dialogs', 'cli', 'eval'];
  return [
    rule(['src/core/**'], above('engine', 'kb', 'retrieval', 'llm', 'cards', 'assistant', 'config', ...top), botbuilder),
    rule(['src/config/**'], above('engine', 'kb', 'retrieval', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/store/**'], above('engine', 'kb', 'retrieval', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/engine/**'], above('kb', 'retrieval', 'llm', 'cards', 'assistant', 'config', ...top), botbuilder),
    rule(['src/retrieval/**'], above('kb', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/kb/**'], above('cards', 'assistant', ...top), botbuilder),
    rule(['src/llm/**'], above('cards', 'assistant', ...top), botbuilder),
    rule(['src/cards/**'], above('assistant', ...top), botbuilder),
    rule(['src/assistant/**'], above(...top), botbuilder),
  ];
}
