import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../src/core/contract.js';
import { fold } from '../src/core/fold-text.js';
import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { compilePattern } from '../src/kb/compile-pattern.js';
import { requiredLiterals, requiredLiteralsOfAll } from '../src/kb/required-literals.js';

describe('the literals a pattern needs (the engine skips patterns whose literals are not in the draft)', () => {
  it('reads runs of plain characters and required groups', () => {
    expect(requiredLiterals('not my department')).toEqual(['not my department']);
    expect(requiredLiterals(compilePattern('(soitan|soitamme) huomenna'))).toEqual(['huomenna']);
    expect(requiredLiterals('(soitan|soitamme)')?.sort()).toEqual(['soitamme', 'soitan']);
    expect(requiredLiterals('(ab)+cdef')).toEqual(['cdef']);
  });

  it('requires nothing it cannot be sure of: optional parts, classes, short words, lookarounds', () => {
    expect(requiredLiterals('(foo)?[a-z]+')).toBeNull();
    expect(requiredLiterals('ei|en')).toBeNull();
    expect(requiredLiterals('(?<=abc)\\d+')).toBeNull();
    expect(requiredLiterals('foo|[0-9]+')).toBeNull();
    expect(requiredLiteralsOfAll(['osastolle', 'osasto', 'x?'])).toBeNull();
  });

  it('drops a literal another one implies', () => {
    expect(requiredLiteralsOfAll(['osastolle', 'osasto'])).toEqual(['osasto']);
  });

  it('reads the compiled pattern language ("word*", "~", spaces)', () => {
    expect(requiredLiterals(compilePattern('ei kuulu meil*'))?.[0]).toBe('kuulu');
  });

  // The guarantee the engine leans on, checked on every pattern of the catalogue against every draft and example
  // the repository holds: wherever a pattern matches, its guideline's literals are there.
  it('never skips a pattern that would match: every match contains one of its own and its guideline’s literals', () => {
    const kb = loadKnowledgeBase();
    const texts: Record<string, string[]> = { fi: [], pl: [], hu: [], en: [] };
    const dir = new URL('./data/', import.meta.url);
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl'))) {
      for (const line of readFileSync(new URL(f, dir), 'utf8').split('\n').filter(Boolean)) {
        const item = JSON.parse(line) as { lang?: string; draft: string };
        if (item.lang && item.lang in texts) texts[item.lang]!.push(fold(item.draft));
      }
    }
    for (const g of kb.guidelines) for (const lang of LANGS) for (const e of g.data.examples[lang]?.incorrect ?? []) texts[lang]!.push(fold(e.text));
    const missed: string[] = [];
    let checked = 0;
    for (const g of kb.guidelines) {
      for (const lang of LANGS) {
        const need = g.need[lang];
        const each = g.needEach[lang];
        for (const [i, re] of g.patterns[lang].entries()) {
          const own = each?.[i] ?? null;
          if (!need && !own) continue;
          for (const text of texts[lang]!) {
            re.lastIndex = 0;
            const m = re.exec(text);
            if (!m) continue;
            checked++;
            for (const literals of [need, own]) {
              if (literals && !literals.some((l) => m[0].includes(l))) missed.push(`${g.data.id} ${lang} /${re.source.slice(0, 60)}/ on "${m[0]}"`);
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(missed).toEqual([]);
  });
});
