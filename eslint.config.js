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
 * Layers import downward only (STYLE.md): core ← config, store ← engine ← retrieval ← kb, llm ← cards ← assistant ←
 * channels, dialogs, cli, eval, teams-app. kb and llm sit side by side and import neither each other (kb:add is
 * handed its LLM client by src/cli/kb-add-cli.ts through the interface in src/core/llm-interface.ts). botbuilder
 * belongs to src/channels/botframework and dialogs/ alone, so a port to the Microsoft 365 Agents SDK touches those
 * two folders. An arrow pointing the wrong way fails `npm run lint`; `npm run -s deps:graph` prints the arrows.
 */
function layers() {
  const botbuilder = { group: ['botbuilder', 'botbuilder-*', 'botframework-*'], message: 'botbuilder lives in src/channels/botframework and dialogs/ only' };
  const above = (...names) => ({ group: names.map((n) => `**/${n}/**`), message: `imports must point down the layers; ${names.join(', ')} are not below this folder` });
  const rule = (files, ...groups) => ({ files, rules: { 'no-restricted-imports': ['error', { patterns: groups }] } });
  const top = ['channels', 'dialogs', 'cli', 'eval', 'teams-app'];
  return [
    rule(['src/core/**'], above('config', 'store', 'engine', 'kb', 'retrieval', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/config/**'], above('store', 'engine', 'kb', 'retrieval', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/store/**'], above('config', 'engine', 'kb', 'retrieval', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/engine/**'], above('config', 'store', 'kb', 'retrieval', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/retrieval/**'], above('kb', 'llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/kb/**'], above('llm', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/llm/**'], above('kb', 'cards', 'assistant', ...top), botbuilder),
    rule(['src/cards/**'], above('assistant', ...top), botbuilder),
    rule(['src/assistant/**'], above(...top), botbuilder),
    // The top: composition roots, which may import any layer below and each other, but not botbuilder outside the
    // Bot Framework channel. bench/bot-bench-server.ts is the one exception: its echo baseline is a bare
    // botbuilder ActivityHandler, measured against the real bot on the same adapter.
    { ...rule(['src/channels/**', 'src/cli/**', 'src/eval/**', 'src/teams-app/**', 'bench/**'], botbuilder), ignores: ['src/channels/botframework/**', 'bench/bot-bench-server.ts'] },
  ];
}
