import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULE_CODES } from '../src/core/contract.js';
import { readArtifactJson } from '../src/core/artifact-json.js';
import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { review } from '../src/engine/review.js';
import { addDocument } from '../src/kb/company/add-document.js';
import { CandidateAnswerSchema, candidatesOf, toGuidelineEntry } from '../src/kb/company/propose-guidelines.js';
import { runKbAccept, runKbAdd, type CommandIo } from '../src/kb/company/kb-commands.js';
import { checkCandidate } from '../src/kb/company/proposals.js';
import { loadKnowledge } from '../src/kb/load-knowledge.js';
import { knowledgeDir } from '../src/core/paths.js';
import { searchGuidance } from '../src/retrieval/search-guidance.js';
import { fakeLlm, GOOD_CANDIDATE, INVENTED_QUOTE_CANDIDATE } from './fixtures/company/fake-llm.js';
import { makeDocx, makePdf } from './fixtures/company/make-documents.js';

// Everything runs on a temporary copy of knowledge/ and a temporary artifact: the real ones are never written.
const FIXTURES = fileURLToPath(new URL('./fixtures/company/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'warmline-kb-company-'));
const root = join(work, 'knowledge');
const artifactPath = join(work, 'build', 'knowledge.json');
const docs = join(work, 'incoming');
const fixture = (name: string) => join(FIXTURES, name);
const company = (...parts: string[]) => join(root, 'company', ...parts);
const yamlAt = (path: string) => parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
const catalog = () => yamlAt(company('documents', 'catalog.yaml'));

function io(): CommandIo & { stdout: () => string; stderr: () => string } {
  let out = '';
  let err = '';
  return { root, artifactPath, cwd: docs, out: (t) => (out += t), err: (t) => (err += t), stdout: () => out, stderr: () => err };
}

const passagesFor = (question: string) => searchGuidance(loadKnowledgeBase(artifactPath), question).passages.map((p) => p.document);

beforeAll(() => {
  cpSync(knowledgeDir(), root, { recursive: true });
  rmSync(join(root, 'company'), { recursive: true, force: true }); // start from no company documents at all
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'bike-warranty.pdf'), makePdf([
    'Bicycle warranty',
    'Bicycle frames carry a five-year warranty against manufacturing defects.',
    'Gears and brakes are covered for two years when serviced at an authorised workshop.',
  ]));
  writeFileSync(join(docs, 'kesesek.docx'), makeDocx([
    'Szállítási késések kezelése',
    'Ha a csomag három munkanapnál többet késik, a futárszolgálat nyomkövetési számával ellenőrizd, hol tart a küldemény.',
    'Az ügyfélnek mindig mondd meg, mikor jelentkezel újra.',
  ]));
  writeFileSync(join(docs, 'prices.xlsx'), 'not a document');
  writeFileSync(join(docs, 'blank.txt'), '  \n\n\t \n');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('kb:add', () => {
  it('adds a .txt document: next id, catalog entry, verbatim text, retrieval', async () => {
    const r = await addDocument(fixture('nordic-refunds.txt'), { root, artifactPath, now: new Date('2025-01-02T03:04:05Z') });
    expect(r.document).toEqual({
      id: 'c001', title: 'Nordic store refund policy', lang: 'en', sourceKind: 'company-document',
      file: 'c001.txt', original: 'nordic-refunds.txt', addedAt: '2025-01-02T03:04:05.000Z',
    });
    expect(catalog()).toEqual([r.document]);
    const stored = readFileSync(company('documents', 'c001.txt'), 'utf8');
    expect(stored).toContain('for a full refund. The receipt or the order number'); // the tab became a space
    expect(stored).toBe(`${readFileSync(fixture('nordic-refunds.txt'), 'utf8').replace('\t', ' ').trim()}\n`);
    expect(r.passages).toBeGreaterThan(0);
    expect(r.proposals).toEqual({ status: 'no-llm' });
    expect(passagesFor('How many days do customers have to return an item to the Nordic store for a refund?')).toContain('c001');
  });

  it('adds a .md document without its markdown syntax, language detected', async () => {
    const r = await addDocument(fixture('lahjakortit.md'), { root, artifactPath });
    expect([r.document.id, r.document.lang, r.document.title]).toEqual(['c002', 'fi', 'Lahjakorttien käyttö']);
    const text = readFileSync(company('documents', 'c002.txt'), 'utf8');
    expect(text).toContain('Lahjakortti on voimassa kaksi vuotta ostopäivästä. Sen voi käyttää kaikissa myymälöissämme ja verkkokaupassa.');
    expect(text).toContain('- Tarkista lahjakortin numero kassajärjestelmästä.');
    expect(text).toContain('Kirjaa jatkaminen järjestelmään LK-jatko-koodilla.');
    expect(text).toContain('\nLahjakortin saldoa ei makseta käteisenä takaisin.');
    expect(text).not.toMatch(/[#*`>[\]]|https:|owner:/);
    expect(passagesFor('Kuinka kauan lahjakortti on voimassa?')).toContain('c002');
  });

  it('adds a .pdf document through the command, with --title, and says no guidelines were proposed', async () => {
    const cli = io();
    expect(await runKbAdd(['bike-warranty.pdf', '--title', 'Warranty terms'], cli)).toBe(0);
    expect(cli.stdout()).toMatch(/Added c003 "Warranty terms" \(en, \d+ characters, 1 passages\) from bike-warranty\.pdf/);
    expect(cli.stdout()).toMatch(/No LLM configured: no guidelines were proposed/);
    expect(readFileSync(company('documents', 'c003.txt'), 'utf8')).toBe(
      'Bicycle warranty\nBicycle frames carry a five-year warranty against manufacturing defects.\nGears and brakes are covered for two years when serviced at an authorised workshop.\n',
    );
    expect(passagesFor('how long is the warranty on a bicycle frame?')).toContain('c003');
  });

  it('adds a .docx document (Hungarian, detected)', async () => {
    const r = await addDocument(join(docs, 'kesesek.docx'), { root, artifactPath });
    expect([r.document.id, r.document.lang, r.document.title]).toEqual(['c004', 'hu', 'Szállítási késések kezelése']);
    expect(r.text).toBe([
      'Szállítási késések kezelése',
      'Ha a csomag három munkanapnál többet késik, a futárszolgálat nyomkövetési számával ellenőrizd, hol tart a küldemény.',
      'Az ügyfélnek mindig mondd meg, mikor jelentkezel újra.',
    ].join('\n\n'));
    expect(passagesFor('futárszolgálat nyomkövetési szám késik a csomag')).toContain('c004');
    expect(loadKnowledge(root).documents.map((d) => d.id)).toEqual(['000', '001', '002', '003', '004', 'c001', 'c002', 'c003', 'c004']);
  });

  it.each([
    [['missing.txt'], 1, /kb:add: .*missing\.txt: no such file/],
    [['prices.xlsx'], 1, /unsupported file type "\.xlsx": kb:add reads \.txt, \.md, \.pdf and \.docx/],
    [['blank.txt'], 1, /blank\.txt is empty: no text found/],
    [[fixture('kundenservice.txt')], 1, /language looks like "deu".*Warmline supports fi, pl, hu, en/],
    [[fixture('handbook-wontfix.txt'), '--lang', 'de'], 1, /unsupported language "de" \(--lang\): Warmline supports fi, pl, hu, en/],
    [[fixture('nordic-refunds.txt')], 1, /already in the knowledge base as document c001/],
    [[], 2, /usage: npm run kb:add/],
    [['a.txt', '--colour', 'red'], 2, /Unknown option '--colour'/],
  ])('refuses %j with a clear message and adds nothing', async (args, code, message) => {
    const cli = io();
    expect(await runKbAdd(args, cli)).toBe(code);
    expect(cli.stderr()).toMatch(message);
    expect(catalog()).toHaveLength(4);
    expect(readdirSync(company('documents')).sort()).toEqual(['c001.txt', 'c002.txt', 'c003.txt', 'c004.txt', 'catalog.yaml']);
  });
});

describe('kb:add with an LLM, then kb:accept', () => {
  const goodId = 'c005-policy-shield-1';
  const badId = 'c005-hollow-phrase-1';
  const proposals = () => yamlAt(company('proposed', 'c005.yaml'));
  const wontfixFindings = () =>
    review({ draft: 'Sorry, your ticket is a wontfix.', lang: 'en' }, { kb: loadKnowledgeBase(artifactPath) }).findings.filter((f) => f.guideline === goodId);

  it('asks for candidates and writes every one, checked, to the proposals file', async () => {
    const llm = fakeLlm({ candidates: [GOOD_CANDIDATE, INVENTED_QUOTE_CANDIDATE] }); // the answer prompts/propose-guidelines asks for
    const r = await addDocument(fixture('handbook-wontfix.txt'), { root, artifactPath, llm });
    expect(r.document.id).toBe('c005');
    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]!.prompt).toBe('propose-guidelines');
    expect(llm.calls[0]!.variables.document).toBe(r.text);
    expect(llm.calls[0]!.variables.lang).toBe('en');
    expect(llm.calls[0]!.variables.ruleCodes!.split(', ')).toEqual(RULE_CODES);

    const [good, bad] = proposals();
    expect(good).toMatchObject({
      id: goodId, rule: 'policy-shield', severity: 'major', kind: 'phrase',
      source: { document: 'c005', quote: GOOD_CANDIDATE.quote }, patterns: GOOD_CANDIDATE.patterns,
      status: 'proposed', checks: { passed: true, problems: [] },
    });
    expect(bad).toMatchObject({ id: badId, severity: 'minor', status: 'proposed', checks: { passed: false } });
    expect((bad!.checks as { problems: string[] }).problems).toEqual(['source.quote: is not a verbatim passage of document c005']);
    expect(wontfixFindings(), 'a proposal is never used before it is accepted').toEqual([]);
  });

  it('lists the proposals', async () => {
    const cli = io();
    expect(await runKbAccept([], cli)).toBe(0);
    expect(cli.stdout()).toContain(`can accept    ${goodId}`);
    expect(cli.stdout()).toContain(`failed checks ${badId}`);
    expect(cli.stdout()).toContain('- source.quote: is not a verbatim passage of document c005');
  });

  it('never accepts a proposal that failed its checks', async () => {
    const cli = io();
    expect(await runKbAccept(['c005', '--ids', badId], cli)).toBe(1);
    expect(cli.stderr()).toMatch(/not accepted c005-hollow-phrase-1:\n {2}- failed its checks when proposed, so it can never be accepted/);
    expect(readdirSync(company())).not.toContain('guidelines');
    expect(proposals()[1]!.status).toBe('proposed');
  });

  it('checks a proposal again when accepting it', async () => {
    const file = company('proposed', 'c005.yaml');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace('quote: Never tell a customer that their issue is a wontfix.', 'quote: Never say wontfix.'));
    const cli = io();
    expect(await runKbAccept(['c005', '--ids', goodId], cli)).toBe(1);
    expect(cli.stderr()).toContain('- source.quote: is not a verbatim passage of document c005');
    expect(proposals()[0]!.checks).toEqual({ passed: false, problems: ['source.quote: is not a verbatim passage of document c005'] });
    writeFileSync(file, original);
  });

  it('accepts the good one: guideline file, proposal marked, the engine finds it', async () => {
    const cli = io();
    expect(await runKbAccept(['--ids', goodId], cli)).toBe(0);
    expect(cli.stdout()).toContain(`accepted ${goodId}`);
    const [accepted, ...rest] = yamlAt(company('guidelines', 'c005.yaml'));
    expect(rest).toEqual([]);
    const { status: _s, checks: _c, ...entry } = proposals()[0]!;
    expect(accepted).toEqual(entry);
    expect(accepted).not.toHaveProperty('status');
    expect(proposals().map((p) => p.status)).toEqual(['accepted', 'proposed']);

    const [finding] = wontfixFindings();
    expect(finding).toMatchObject({ rule: 'policy-shield', guideline: goodId, severity: 'major', quote: 'wontfix', source: { document: 'c005', quote: GOOD_CANDIDATE.quote } });
    expect(loadKnowledge(root).guidelines.map((g) => g.id)).toContain(goodId);

    const again = io();
    expect(await runKbAccept(['c005', '--all'], again)).toBe(0);
    expect(again.stdout()).toContain('c005: nothing to accept');
    expect(yamlAt(company('guidelines', 'c005.yaml'))).toHaveLength(1);
  });

  it('takes the candidates as {candidates: [...]} or as a bare list', () => {
    expect(candidatesOf(CandidateAnswerSchema.parse([GOOD_CANDIDATE]))).toEqual([GOOD_CANDIDATE]);
    expect(candidatesOf(CandidateAnswerSchema.parse({ candidates: [GOOD_CANDIDATE] }))).toEqual([GOOD_CANDIDATE]);
  });

  it('fails candidates whose examples or patterns misbehave', async () => {
    const artifact = readArtifactJson(readFileSync(artifactPath, 'utf8'));
    const text = readFileSync(company('documents', 'c005.txt'), 'utf8');
    const entry = (c: typeof GOOD_CANDIDATE) => toGuidelineEntry(c, 'c005', new Set(['c005-policy-shield-1']));
    const flagsItsCorrect = entry({ ...GOOD_CANDIDATE, examples: { ...GOOD_CANDIDATE.examples, en: { incorrect: GOOD_CANDIDATE.examples.en.incorrect, correct: [{ text: 'It is a wontfix, sorry.' }] } } });
    expect(checkCandidate(flagsItsCorrect, { documentText: text, artifact }).problems).toEqual([
      'examples.en.correct "It is a wontfix, sorry.": should stay clean, but "wontfix" is marked (c005-policy-shield-1)',
    ]);
    const broken = entry({ ...GOOD_CANDIDATE, patterns: { ...GOOD_CANDIDATE.patterns, pl: ['(wontfix'] } });
    expect(checkCandidate(broken, { documentText: text, artifact }).problems[0]).toMatch(/^patterns\.pl\.0: pattern "\(wontfix" is not valid/);
  });

  it('adds the document all the same when the LLM fails', async () => {
    const r = await addDocument(makeTextFile('Escalation rules: a supervisor calls the customer back within four working hours.'), { root, artifactPath, llm: fakeLlm('not a list') });
    expect(r.document.id).toBe('c006');
    expect(r.proposals.status).toBe('llm-failed');
    expect(readdirSync(company('proposed'))).toEqual(['c005.yaml']);
  });
});

function makeTextFile(text: string): string {
  const path = join(docs, 'escalation.txt');
  writeFileSync(path, text);
  return path;
}
