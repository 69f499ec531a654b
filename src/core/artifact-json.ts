import { LANGS, type Lang } from './contract.js';
import type { KnowledgeArtifact } from './knowledge-artifact.js';

/**
 * The compiled knowledge base as a file (build/knowledge.json) and as the text a database publishes.
 *
 * A review reads only part of the artifact, in one language: the retrieval index, the documents, the examples, the
 * rules as written and the other three languages' compiled rules are for guidance, coverage and other reviews.
 * Parsing all of it was half the load at start-up. Those sections are written as JSON text inside the JSON
 * (`{"$json": "…"}`) and parsed on first read, through a getter that then replaces itself with the value, so code
 * that reads the artifact sees the same object shape either way. A plain artifact (every section inline) reads too.
 */

const DEFERRED = '$json';
type Deferred = { [DEFERRED]: string };

/** Top-level sections a review never reads. */
const TOP = ['documents', 'passages', 'index', 'scenarios', 'translations'] as const;
/** Per guideline: the examples and the token rules as written (coverage, guidance, the LLM's prompts). */
const GUIDELINE = ['examples', 'rules'] as const;
/** Per guideline, compiled, per language: a review reads one language's. Lists of regular-expression sources stay
 * inline: parsing a string costs little, and deferred its backslashes would double. */
const COMPILED = ['needEach', 'rules'] as const;

const sources = new WeakMap<object, string>();

const defer = (value: unknown): Deferred | undefined => (value === undefined ? undefined : { [DEFERRED]: JSON.stringify(value) });

function perLanguage(value: Partial<Record<Lang, unknown>> | undefined): Partial<Record<Lang, Deferred>> | undefined {
  if (!value) return undefined;
  const out: Partial<Record<Lang, Deferred>> = {};
  for (const lang of LANGS) if (value[lang] !== undefined) out[lang] = defer(value[lang]);
  return out;
}

/** The artifact's JSON text, its bulky sections deferred. */
export function writeArtifactJson(artifact: KnowledgeArtifact): string {
  const out: Record<string, unknown> = { ...artifact };
  for (const key of TOP) out[key] = defer(artifact[key]);
  if (artifact.vocabulary) out.vocabulary = perLanguage(artifact.vocabulary);
  out.guidelines = artifact.guidelines.map((g) => {
    const copy: Record<string, unknown> = { ...g };
    for (const key of GUIDELINE) copy[key] = defer(g[key]);
    const compiled: Record<string, unknown> = { ...g.compiled };
    for (const key of COMPILED) compiled[key] = perLanguage(g.compiled[key]);
    copy.compiled = compiled;
    return copy;
  });
  // ASCII only (other characters as \u escapes): V8 decodes an ASCII file to a one-byte string in half the time.
  return JSON.stringify(out).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const isDeferred = (value: unknown): value is Deferred =>
  typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[DEFERRED] === 'string';

/** Replaces `holder[key]`, if deferred, by a getter that parses it on first read. */
function lazy(holder: Record<string, unknown> | undefined, key: string): void {
  const value = holder?.[key];
  if (!holder || !isDeferred(value)) return;
  const text = value[DEFERRED];
  const settle = (v: unknown) => Object.defineProperty(holder, key, { value: v, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(holder, key, {
    get() {
      const parsed: unknown = JSON.parse(text);
      settle(parsed);
      return parsed;
    },
    set: settle,
    enumerable: true,
    configurable: true,
  });
}

function lazyPerLanguage(holder: Record<string, unknown> | undefined): void {
  if (holder) for (const lang of LANGS) lazy(holder, lang);
}

/** Reads an artifact's JSON text, deferred or plain. */
export function readArtifactJson(text: string): KnowledgeArtifact {
  const artifact = JSON.parse(text) as Record<string, unknown>;
  if (typeof artifact !== 'object' || artifact === null || !Array.isArray(artifact.guidelines)) {
    throw new Error('not a compiled knowledge base (no guidelines)');
  }
  for (const key of TOP) lazy(artifact, key);
  lazyPerLanguage(artifact.vocabulary as Record<string, unknown> | undefined);
  for (const g of artifact.guidelines as Record<string, unknown>[]) {
    for (const key of GUIDELINE) lazy(g, key);
    const compiled = g.compiled as Record<string, unknown> | undefined;
    for (const key of COMPILED) lazyPerLanguage(compiled?.[key] as Record<string, unknown> | undefined);
  }
  sources.set(artifact, text);
  return artifact as unknown as KnowledgeArtifact;
}

/** The text an artifact was read from (what kb:publish stored), or its text written afresh: the same artifact
 * always hashes the same, and nothing deferred is parsed to publish it. */
export function artifactJson(artifact: KnowledgeArtifact): string {
  return sources.get(artifact) ?? writeArtifactJson(artifact);
}
