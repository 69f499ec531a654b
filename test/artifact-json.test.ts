import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { artifactJson, readArtifactJson, writeArtifactJson } from '../src/core/artifact-json.js';
import { defaultArtifactPath } from '../src/core/paths.js';

describe('the knowledge base file', () => {
  const text = readFileSync(defaultArtifactPath(), 'utf8');

  it('reads back exactly what was written, deferred sections included', () => {
    const plain = JSON.parse(JSON.stringify(readArtifactJson(text))) as object;
    expect(JSON.parse(JSON.stringify(readArtifactJson(writeArtifactJson(plain as never))))).toEqual(plain);
  });

  it('leaves what a review does not read unparsed until it is read', () => {
    const artifact = readArtifactJson(text);
    const g = artifact.guidelines.find((x) => x.compiled.rules && 'fi' in x.compiled.rules)!;
    expect(Object.getOwnPropertyDescriptor(artifact, 'index')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(g.compiled.rules, 'fi')?.get).toBeTypeOf('function');
    expect(g.compiled.rules.fi![0]!.steps.length).toBeGreaterThan(0);
    // Read once, the section is a plain value from then on.
    expect(Object.getOwnPropertyDescriptor(g.compiled.rules, 'fi')?.value).toBe(g.compiled.rules.fi);
    expect(artifact.index.refs.length).toBeGreaterThan(0);
  });

  it('reads a plain artifact too (every section inline), as older builds and tests write it', () => {
    const plainText = JSON.stringify(readArtifactJson(text));
    const artifact = readArtifactJson(plainText);
    expect(artifact.guidelines.length).toBeGreaterThan(50);
    expect(Object.getOwnPropertyDescriptor(artifact, 'index')?.get).toBeUndefined();
  });

  it('is ASCII, so that it decodes fast, and keeps every letter through the escapes', () => {
    expect([...text].every((c) => c.charCodeAt(0) < 0x80)).toBe(true);
    const artifact = readArtifactJson(text);
    expect(artifact.documents.some((d) => /[äöąęőű]/.test(d.text))).toBe(true);
  });

  it('publishes the text it was read from, so the same build always hashes the same', () => {
    expect(artifactJson(readArtifactJson(text))).toBe(text);
  });

  it('refuses what is not a knowledge base with a clear error', () => {
    expect(() => readArtifactJson('{"format":1}')).toThrow(/not a compiled knowledge base/);
    expect(() => readArtifactJson('{')).toThrow(SyntaxError);
  });
});
