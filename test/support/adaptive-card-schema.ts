import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPlugin from 'ajv-formats';
import { FROM_SHARED, requireFile } from './prerequisites.js';

// Teams renders Adaptive Cards up to 1.5; a card asking for more shows only its fallbackText.
export const MAX_TEAMS_CARD_VERSION = '1.5';

/** The official 1.5 schema, kept in the shared external-data folder beside the project. */
export const ADAPTIVE_CARD_SCHEMA_PATH = fileURLToPath(
  new URL('../../../shared/external/adaptive-cards/adaptive-card.schema.v1.5.json', import.meta.url),
);

type Json = Record<string, unknown>;
interface Compiled {
  validate: ValidateFunction;
  /** For each schema node, the element/action types whose definition it belongs to. */
  owners: Map<object, Set<string>>;
}

// ajv-formats is CommonJS; under NodeNext its default import is typed as the module object.
const addFormats = addFormatsPlugin as unknown as (ajv: Ajv) => Ajv;
let compiled: Compiled | undefined;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const typesOf = (def: unknown): string[] => {
  const types = isObject(def) && isObject(def.properties) && isObject(def.properties.type) ? def.properties.type.enum : undefined;
  return Array.isArray(types) ? types.filter((t): t is string => typeof t === 'string') : [];
};

/**
 * Walk each typed definition (TextBlock, Action.Submit, ...) through its own helpers
 * (Extendable.Input, ImageSize, ...) but not into other typed definitions, so an error
 * can later be traced to the "type" whose anyOf branch raised it.
 */
function mapOwners(definitions: Json): Map<object, Set<string>> {
  const owners = new Map<object, Set<string>>();
  for (const def of Object.values(definitions)) {
    const types = typesOf(def);
    if (!types.length) continue;
    const seen = new Set<object>();
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null || seen.has(node)) return;
      seen.add(node);
      const set = owners.get(node) ?? new Set<string>();
      types.forEach((t) => set.add(t));
      owners.set(node, set);
      if (Array.isArray(node)) return node.forEach(visit);
      const ref = typeof (node as Json).$ref === 'string' ? /^#\/definitions\/(.+)$/.exec((node as Json).$ref as string) : null;
      const target = ref ? definitions[ref[1]!] : undefined;
      if (target && !typesOf(target).length) visit(target);
      for (const [key, value] of Object.entries(node)) if (!['enum', 'const', 'default', 'examples'].includes(key)) visit(value);
    };
    visit(def);
  }
  return owners;
}

function compile(): Compiled {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(requireFile(ADAPTIVE_CARD_SCHEMA_PATH, FROM_SHARED), 'utf8')) as Json;
  // The file is draft-06 but names itself with the draft-04 `id`, which Ajv 8 refuses.
  const { id, ...rest } = schema;
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true, verbose: true }));
  ajv.addMetaSchema(createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-06.json') as object);
  const root: Json = { ...rest, $id: id };
  // Ajv keeps the schema's own objects as `parentSchema`, which is what mapOwners keys on.
  compiled = { validate: ajv.compile(root as object), owners: mapOwners(root.definitions as Json) };
  return compiled;
}

/** The "type" of the nearest object at or above `pointer` that has one. */
function nearestType(card: unknown, pointer: string): string | undefined {
  let node = card;
  let type = isObject(node) && typeof node.type === 'string' ? node.type : undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = Array.isArray(node) ? node[Number(key)] : isObject(node) ? node[key] : undefined;
    if (isObject(node) && typeof node.type === 'string') type = node.type;
  }
  return type;
}

const describe = (e: ErrorObject): string =>
  `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`;

/**
 * The schema lists every element and action type as anyOf branches, so one mistake fails
 * every branch. Keep only what the branch of the data's own "type" says; for a type no
 * branch knows, keep just the list of allowed types.
 */
function describeSchemaErrors(card: unknown, raw: readonly ErrorObject[], owners: Compiled['owners']): string[] {
  const known = new Set([...owners.values()].flatMap((s) => [...s]));
  const errors: string[] = [];
  const enums = new Map<string, Set<unknown>>();
  for (const e of raw) {
    if (e.keyword === 'anyOf') continue;
    const type = nearestType(card, e.instancePath);
    const owner = owners.get(e.parentSchema as object);
    const isTypeEnum = e.keyword === 'enum' && e.instancePath.endsWith('/type');
    if (type !== undefined && !known.has(type) && !isTypeEnum) continue;
    if (type !== undefined && known.has(type) && owner && !owner.has(type)) continue;
    if (e.keyword === 'enum') {
      const values = enums.get(e.instancePath || '/') ?? new Set<unknown>();
      for (const v of e.params.allowedValues as unknown[]) values.add(v);
      enums.set(e.instancePath || '/', values);
    } else errors.push(describe(e));
  }
  for (const [at, values] of enums) errors.push(`${at} must be one of ${[...values].map((v) => JSON.stringify(v)).join(', ')}`);
  // Nothing attributable (e.g. an element with no "type" at all): say everything.
  return errors.length ? errors : raw.filter((e) => e.keyword !== 'anyOf').map(describe);
}

function parseVersion(v: string): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Every "version" on an AdaptiveCard (top level and inside Action.ShowCard) must be one Teams renders. */
function versionErrors(card: unknown): string[] {
  const errors: string[] = [];
  const [maxMajor, maxMinor] = parseVersion(MAX_TEAMS_CARD_VERSION)!;
  const walk = (node: unknown, path: string): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => walk(child, `${path}/${i}`));
    if (!isObject(node)) return;
    if (node.type === 'AdaptiveCard' && typeof node.version === 'string') {
      const v = parseVersion(node.version);
      if (!v) errors.push(`${path || '/'} version "${node.version}" is not of the form major.minor`);
      else if (v[0] > maxMajor || (v[0] === maxMajor && v[1] > maxMinor)) {
        errors.push(`${path || '/'} version ${node.version} is newer than ${MAX_TEAMS_CARD_VERSION}, the highest Teams renders`);
      }
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${path}/${key}`);
  };
  walk(card, '');
  return errors;
}

/** Errors found in an Adaptive Card (schema 1.5 plus Teams' version limit); empty when the card is valid. */
export function validateAdaptiveCard(card: unknown): string[] {
  const errors: string[] = [];
  // The schema accepts {}; a card Teams can render needs both of these at the top.
  if (!isObject(card) || card.type !== 'AdaptiveCard') errors.push('/ type must be "AdaptiveCard"');
  if (isObject(card) && typeof card.version !== 'string') errors.push('/ version is required on the top-level card');
  const { validate, owners } = compile();
  if (!validate(card)) errors.push(...describeSchemaErrors(card, validate.errors ?? [], owners));
  errors.push(...versionErrors(card));
  // Different branches can still repeat the same complaint.
  return [...new Set(errors)];
}
