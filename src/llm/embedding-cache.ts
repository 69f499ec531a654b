import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Embeddings on disk, keyed by the model and a hash of the text, so the guideline vectors are paid for
 * once per content change, not per start-up or per request.
 */
export class EmbeddingCache {
  private readonly file: string | undefined;
  private vectors = new Map<string, number[]>();
  private dirty = false;

  constructor(folder: string | undefined, model: string) {
    if (folder) {
      mkdirSync(folder, { recursive: true });
      this.file = join(folder, `embeddings-${model.replace(/[^\w.-]/g, '_')}.json`);
      try {
        this.vectors = new Map(Object.entries(JSON.parse(readFileSync(this.file, 'utf8')) as Record<string, number[]>));
      } catch {
        // first use, or an unreadable cache: start empty
      }
    }
  }

  static key(text: string): string {
    return createHash('sha256').update(text).digest('hex');
  }

  get(text: string): number[] | undefined {
    return this.vectors.get(EmbeddingCache.key(text));
  }

  set(text: string, vector: number[]): void {
    this.vectors.set(EmbeddingCache.key(text), vector);
    this.dirty = true;
  }

  flush(): void {
    if (this.file && this.dirty) {
      writeFileSync(`${this.file}.tmp`, JSON.stringify(Object.fromEntries(this.vectors)));
      writeFileSync(this.file, readFileSync(`${this.file}.tmp`));
      this.dirty = false;
    }
  }
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
