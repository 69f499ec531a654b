import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { BOTBUILDER_EXCEPTIONS, BOTBUILDER_HOMES, BOTBUILDER_PACKAGES, LAYERS, notBelow } from './scripts/layers.mjs';

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
 * Layers import downward only (STYLE.md 14), as scripts/layers.mjs lists them: a folder may not import its own row's
 * other folders or anything above, and botbuilder lives in src/channels/botframework and dialogs/ alone, so a port to
 * the Microsoft 365 Agents SDK touches those two folders. An arrow pointing the wrong way fails `npm run lint`;
 * `npm run -s deps:graph` prints every arrow (dynamic imports too, which this rule does not see).
 */
function layers() {
  const botbuilder = { group: BOTBUILDER_PACKAGES, message: `botbuilder lives in ${BOTBUILDER_HOMES.join(' and ')} only` };
  const folder = (name) => (['dialogs', 'bench'].includes(name) ? `${name}/**` : `src/${name}/**`);
  const rules = LAYERS.flatMap((names, row) =>
    names.map((name) => {
      const banned = notBelow(row).filter((other) => other !== name);
      const patterns = [...(banned.length ? [{ group: banned.map((n) => `**/${n}/**`), message: `imports must point down the layers (scripts/layers.mjs); ${banned.join(', ')} are not below ${name}` }] : []), botbuilder];
      return { files: [folder(name)], rules: { 'no-restricted-imports': ['error', { patterns }] } };
    }),
  );
  // botbuilder's own homes import it freely (their layer rules above would forbid it).
  const homes = [...BOTBUILDER_HOMES.map((home) => `${home}**`), ...BOTBUILDER_EXCEPTIONS];
  return rules.map((rule) => ({ ...rule, ignores: homes }));
}
