import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../engine/knowledge-base.js';
import { defaultPolitenessDir, evaluateDomain, missingPolitenessFiles, POLITENESS_DOMAINS } from '../eval/politeness-corpus.js';

const USAGE = 'usage: npm run eval:politeness [-- --dir DIR] [--json]   (DIR holds the Stanford Politeness Corpus CSVs)';

/** `npm run eval:politeness`: zero-shot AUC of the politeness score, top vs bottom quartile, per domain. */
function main(): number {
  const { values } = parseArgs({ options: { dir: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = values.dir ?? defaultPolitenessDir();
  const missing = missingPolitenessFiles(dir);
  if (missing.length > 0) {
    process.stderr.write(`eval:politeness: missing ${missing.join(', ')}\n(the Stanford Politeness Corpus, see ../shared/external/README.md section 4; --dir DIR reads it elsewhere)\n`);
    return 1;
  }
  const kb = loadKnowledgeBase();
  const results = POLITENESS_DOMAINS.map((d) => evaluateDomain(kb, dir, d));
  if (values.json) {
    process.stdout.write(`${JSON.stringify(results)}\n`);
    return 0;
  }
  const lines = [
    'Politeness score, zero-shot on the Stanford Politeness Corpus (top vs bottom quartile of Normalized Score)',
    '',
    '| domain | requests | polite | impolite | AUC | bar |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.domain} | ${r.items} | ${r.polite} | ${r.impolite} | ${r.auc.toFixed(3)} | ${r.auc >= r.bar ? 'met' : 'NOT met'} (≥ ${r.bar.toFixed(2)}) |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main();
