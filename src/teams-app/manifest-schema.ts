import { existsSync, readFileSync } from 'node:fs';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';

export type SchemaCheck = { validated: true; schemaPath: string } | { validated: false; reason: string };

// Loaded only when there is a schema to check: ajv is a devDependency, and packaging
// must still work (unchecked, with a warning) in an install without dev packages.
async function loadAjv(): Promise<AjvClass> {
  try {
    const [{ Ajv }, formats] = await Promise.all([import('ajv'), import('ajv-formats')]);
    // ajv-formats is CommonJS; under NodeNext its default import is typed as the module object.
    const addFormats = formats.default as unknown as (ajv: AjvClass) => AjvClass;
    return addFormats(new Ajv({ strict: false, allErrors: true }));
  } catch (error) {
    throw new Error(`cannot load ajv/ajv-formats to check the manifest schema (run npm install; they are devDependencies): ${String(error)}`);
  }
}

/**
 * The Teams schema declares draft-04, which Ajv 8 only handles with the separate
 * `ajv-draft-04` package (not a dependency here). Its draft-04-only keywords are just
 * `$schema` and `id`; the rest (it even uses draft-06 `const`) means the same in Ajv's
 * default dialect, so drop those two from schema nodes and validate normally.
 */
export function toAjvDefaultDialect(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toAjvDefaultDialect);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if ((key === '$schema' || key === 'id') && typeof value === 'string') continue;
    // Literal data, not schemas: leave untouched.
    out[key] = key === 'enum' || key === 'const' || key === 'default' || key === 'examples' ? value : toAjvDefaultDialect(value);
  }
  return out;
}

export const formatSchemaErrors = (errors: readonly ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? e.keyword}${e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''}`);

/** Validate against the official manifest schema file; returns the errors, or a skip reason when the file is absent. */
export async function checkManifestSchema(manifest: unknown, schemaPath: string): Promise<SchemaCheck & { errors: string[] }> {
  if (!existsSync(schemaPath)) return { validated: false, reason: `schema file not found: ${schemaPath}`, errors: [] };
  const schema = toAjvDefaultDialect(JSON.parse(readFileSync(schemaPath, 'utf8'))) as object;
  const validate = (await loadAjv()).compile(schema);
  validate(manifest);
  return { validated: true, schemaPath, errors: formatSchemaErrors(validate.errors) };
}
