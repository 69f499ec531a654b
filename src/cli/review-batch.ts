import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ReviewError, ReviewResult } from '../core/contract.js';
import { ReviewInputError } from '../engine/review-input.js';

/**
 * The contract's batch form: one request per input line, one result per output line, same order.
 * A bad line (invalid JSON, not an object, empty draft, binary, too long) becomes an error line and the
 * run goes on; a blank line is answered too, so line N of the output always belongs to line N of the input.
 */
export type ReviewFn = (request: unknown) => ReviewResult;

export function reviewLine(line: string, reviewFn: ReviewFn): ReviewResult | ReviewError {
  if (line.trim() === '') return { id: null, error: 'empty line: expected a JSON review request' };
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch (error) {
    return { id: null, error: `invalid JSON: ${(error as Error).message}` };
  }
  const rawId = (request as { id?: unknown } | null)?.id;
  const id = rawId === undefined || rawId === null ? null : String(rawId);
  try {
    return reviewFn(request);
  } catch (error) {
    if (error instanceof ReviewInputError) return { id, error: error.message };
    return { id, error: `internal error: ${(error as Error).message}` };
  }
}

export async function runBatch(input: Readable, output: Writable, reviewFn: ReviewFn): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    const result = reviewLine(line, reviewFn);
    count++;
    if (!output.write(`${JSON.stringify(result)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
  return count;
}
