import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGS, type Lang } from '../src/core/contract.js';
import { review } from '../src/engine/review.js';
import { scorePoliteness } from '../src/engine/score-politeness.js';
import { defaultPolitenessDir, evaluateDomain, missingPolitenessFiles, POLITENESS_DOMAINS } from '../src/eval/politeness-corpus.js';
import { auc, parseCsv, quartiles } from '../src/eval/politeness-corpus.js';
import { loadKnowledge } from '../src/kb/load-knowledge.js';
import { knowledgeDir } from '../src/core/paths.js';
import { testKnowledgeBase } from './kb-fixture.js';
import { FROM_SHARED } from './support/prerequisites.js';

const kb = await testKnowledgeBase();
const found = (lang: Lang, text: string) => scorePoliteness(kb.politeness, lang, text).strategies.map((s) => s.strategy);
const value = (lang: Lang, text: string) => scorePoliteness(kb.politeness, lang, text).value;

describe('politeness strategies (knowledge/politeness/)', () => {
  it.each(LANGS)('%s: every strategy with patterns has examples, and each example uses it', (lang) => {
    const { patterns, examples } = kb.artifact.politeness;
    for (const { name } of kb.politeness.strategies) {
      if (patterns[lang][name]!.length === 0) continue;
      expect(examples[lang][name], `${lang}.yaml: '${name}' has patterns but no example`).toBeDefined();
      for (const sentence of examples[lang][name]!) expect(found(lang, sentence), `${lang}: ${sentence}`).toContain(name);
    }
  });

  // A request that leaves room to refuse against one that demands an account, in each language.
  it.each<[Lang, string, string, string[], string[]]>([
    ['en', 'Could you please send me the receipt?', "Why didn't you send me the receipt?", ['counterfactual-modal', 'please'], ['direct-question']],
    ['fi', 'Voisitteko ystävällisesti lähettää kuitin?', 'Miksi et lähettänyt kuittia?', ['counterfactual-modal', 'please'], ['direct-question']],
    ['fi', 'Voisitteko ystavallisesti lahettaa kuitin?', 'Miksi et lahettanyt kuittia?', ['counterfactual-modal', 'please'], ['direct-question']],
    ['pl', 'Czy mógłby Pan uprzejmie przesłać paragon?', 'Dlaczego nie wysłałeś paragonu?', ['counterfactual-modal', 'please'], ['direct-question']],
    ['pl', 'Czy moglby Pan uprzejmie przeslac paragon?', 'Dlaczego nie wyslales paragonu?', ['counterfactual-modal', 'please'], ['direct-question']],
    ['hu', 'Lenne szíves elküldeni a nyugtát?', 'Miért nem küldted el a nyugtát?', ['counterfactual-modal', 'please'], ['direct-question']],
    ['hu', 'Lenne szives elkuldeni a nyugtat?', 'Miert nem kuldted el a nyugtat?', ['counterfactual-modal', 'please'], ['direct-question']],
  ])('%s: "%s" is politer than "%s"', (lang, polite, rude, politeUses, rudeUses) => {
    expect(found(lang, polite)).toEqual(expect.arrayContaining(politeUses));
    expect(found(lang, rude)).toEqual(expect.arrayContaining(rudeUses));
    expect(value(lang, polite)).toBeGreaterThan(value(lang, rude));
  });

  it.each<[Lang, string, string]>([
    ['en', 'Thank you for waiting, I have checked the order.', 'So where is it? You need to read the manual. Obviously it was sent.'],
    ['fi', 'Kiitos odotuksesta, tarkistin tilauksen.', 'Eli missä se on? Sinun pitää lukea ohje. Itse asiassa se lähetettiin.'],
    ['pl', 'Dziękuję za cierpliwość, sprawdziłem zamówienie.', 'Więc gdzie to jest? Musisz przeczytać instrukcję. Przecież to zostało wysłane.'],
    ['hu', 'Köszönöm a türelmét, megnéztem a rendelést.', 'Szóval hol van? Neked kell elolvasni az útmutatót. Valójában el lett küldve.'],
  ])('%s: thanks outrank a direct start, a "you" start and factuality', (lang, polite, rude) => {
    expect(value(lang, polite)).toBeGreaterThan(0);
    expect(found(lang, rude)).toEqual(expect.arrayContaining(['direct-start', 'second-person-start', 'factuality']));
    expect(value(lang, rude)).toBeLessThan(0);
  });

  it('"please" opening a command is please-start, inside a request it is please', () => {
    expect(found('en', 'Please send the receipt.')).toContain('please-start');
    expect(found('en', 'Please send the receipt.')).not.toContain('please');
    expect(found('en', 'Could you send the receipt, please?')).toContain('please');
    expect(found('pl', 'Proszę przesłać paragon.')).toContain('please-start');
    expect(found('pl', 'Proszę o przesłanie paragonu.')).toEqual(expect.arrayContaining(['please']));
    expect(found('pl', 'Proszę o przesłanie paragonu.')).not.toContain('please-start');
  });

  it('an offer of help is not a direct question; asking how to do something is', () => {
    expect(found('en', 'How can I help you today?')).not.toContain('direct-question');
    expect(found('en', 'How can I reset the router?')).toContain('direct-question');
    expect(found('fi', 'Miten voin auttaa?')).not.toContain('direct-question');
    expect(found('pl', 'Jak mogę pomóc?')).not.toContain('direct-question');
    expect(found('hu', 'Hogyan segíthetek?')).not.toContain('direct-question');
  });

  it('a strategy counts once, and its span quotes the draft', () => {
    const s = scorePoliteness(kb.politeness, 'en', 'Thanks! Thanks again, really.');
    expect(s.strategies.filter((u) => u.strategy === 'gratitude')).toEqual([{ strategy: 'gratitude', weight: 0.85, start: 0, end: 6, quote: 'Thanks' }]);
  });

  it('warmth in the review follows politeness and stays in [0, 1]', () => {
    const warmth = (draft: string, lang: Lang) => review({ draft, lang }, { kb }).scores.warmth;
    const polite = warmth('Hi Anna, thank you for your patience. Could you send me the order number, please? I will check it today.', 'en');
    const blunt = warmth("Why didn't you send the order number? You need to read the email. Actually it was obvious.", 'en');
    expect(polite).toBeGreaterThan(blunt);
    for (const w of [polite, blunt]) expect(w).toBeGreaterThanOrEqual(0);
    expect(polite).toBeLessThanOrEqual(1);
    expect(warmth('Voisitteko ystävällisesti lähettää tilausnumeron? Kiitos!', 'fi')).toBeGreaterThan(warmth('Miksi et lähettänyt tilausnumeroa? Lähetä se.', 'fi'));
  });
});

describe('broken politeness files fail the build naming file and field', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'warmline-politeness-'));
    cpSync(knowledgeDir(), dir, { recursive: true });
    return dir;
  };
  const edit = (dir: string, file: string, from: string, to: string) => {
    const path = join(dir, 'politeness', file);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };

  it('a weight that is not a number', () => {
    const dir = copy();
    edit(dir, 'weights.yaml', 'weight: 0.85', 'weight: lots');
    expect(() => loadKnowledge(dir)).toThrow(/politeness\/weights\.yaml: weights: 'strategies\.gratitude\.weight'/);
  });

  it('a notWhere naming no strategy', () => {
    const dir = copy();
    edit(dir, 'weights.yaml', 'notWhere: [please-start]', 'notWhere: [please-begin]');
    expect(() => loadKnowledge(dir)).toThrow(/weights\.yaml: weights: 'strategies\.please\.notWhere\.0' names no strategy/);
  });

  it('a strategy weights.yaml does not know, a missing one, a broken pattern', () => {
    let dir = copy();
    edit(dir, 'en.yaml', '  indirect-btw:', '  by-the-way: []\n  indirect-btw:');
    expect(() => loadKnowledge(dir)).toThrow(/politeness\/en\.yaml: en: 'strategies' Unrecognized key: "by-the-way"/);
    dir = copy();
    edit(dir, 'pl.yaml', '  indirect-btw:', '  by-the-way:');
    expect(() => loadKnowledge(dir)).toThrow(/politeness\/pl\.yaml: pl: 'strategies\.indirect-btw' Invalid input: expected array/);
    dir = copy();
    edit(dir, 'fi.yaml', '"(kiit*|arvostan|arvostamme|arvostetaan)"', '"(kiit*"');
    expect(() => loadKnowledge(dir)).toThrow(/politeness\/fi\.yaml: fi: 'strategies\.gratitude\.0' pattern "\(kiit\*" is not valid/);
  });
});

describe('corpus helpers', () => {
  it('parses quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,b\n"x, ""y""","line\nbreak"\r\n1,2\n')).toEqual([['a', 'b'], ['x, "y"', 'line\nbreak'], ['1', '2']]);
  });

  it('AUC counts ties as one half; quartiles take floor(n/4) from each end', () => {
    expect(auc([3, 2], [1, 0])).toBe(1);
    expect(auc([1], [1])).toBe(0.5);
    expect(auc([0, 2], [1])).toBe(0.5);
    const items = [5, 1, 4, 2, 3, 0, 6, 7, 8].map((score, i) => ({ id: String(i), text: '', score }));
    const q = quartiles(items);
    expect(q.polite.map((r) => r.score)).toEqual([7, 8]);
    expect(q.impolite.map((r) => r.score)).toEqual([0, 1]);
  });
});

// Zero-shot: the weights are set from the paper's findings (knowledge/politeness/weights.yaml), never fitted here.
const corpusDir = defaultPolitenessDir();

describe('Stanford Politeness Corpus AUC, top vs bottom quartile', () => {
  beforeAll(() => {
    const missing = missingPolitenessFiles(corpusDir);
    if (missing.length > 0) throw new Error(`the Stanford Politeness Corpus is missing from ${corpusDir} (${missing.join(', ')}): ${FROM_SHARED}`);
  });
  const [wikipedia, stackExchange] = POLITENESS_DOMAINS;
  const result = (domain: (typeof POLITENESS_DOMAINS)[number]) => evaluateDomain(kb, corpusDir, domain);

  it('wikipedia: AUC ≥ 0.80', () => {
    const r = result(wikipedia);
    expect(r.items).toBe(4353);
    expect(r.polite).toBe(1088);
    expect(r.auc).toBeGreaterThanOrEqual(wikipedia.bar);
  });

  // The Stack Exchange bar (0.70) is not met: zero-shot the weights reach 0.637 (README, "Scores").
  // The floor below is that first measurement, so a change that makes the score worse fails; it is not the target,
  // and the gap is reported rather than closed by fitting weights to this corpus.
  it('stack-exchange: no regression below the first zero-shot measurement (0.63)', () => {
    const r = result(stackExchange);
    expect(r.items).toBe(6603);
    expect(r.polite).toBe(1650);
    expect(r.auc).toBeGreaterThanOrEqual(0.63);
  });
});
