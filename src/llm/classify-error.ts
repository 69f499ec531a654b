import type { LlmFailure } from '../core/llm-interface.js';

/** What went wrong with a call, from whatever the SDK threw: the caller only needs the kind. */
export function classifyError(error: unknown): { status: LlmFailure; detail: string; retryAfterMs?: number } {
  const e = error as { name?: string; message?: string; status?: number; code?: string; headers?: Record<string, string> | Headers; lc_error_code?: string; cause?: unknown };
  const message = String(e?.message ?? error);
  const status = typeof e?.status === 'number' ? e.status : undefined;
  if (e?.name === 'AbortError' || e?.name === 'TimeoutError' || /abort|timed? ?out/i.test(message) || e?.name === 'APIConnectionTimeoutError') {
    return { status: 'timeout', detail: 'the model did not answer within the time budget' };
  }
  if (status === 429 || e?.lc_error_code === 'MODEL_RATE_LIMIT') {
    const header = e?.headers instanceof Headers ? e.headers.get('retry-after') : e?.headers?.['retry-after'];
    const seconds = header ? Number(header) : NaN;
    return { status: 'rate_limited', detail: 'HTTP 429 (rate limited)', ...(Number.isFinite(seconds) ? { retryAfterMs: seconds * 1000 } : {}) };
  }
  if (status !== undefined && status >= 500) return { status: 'server_error', detail: `HTTP ${status}` };
  if (status !== undefined) return { status: 'server_error', detail: `HTTP ${status}: ${message.slice(0, 120)}` };
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|socket|network|fetch failed|Connection error/i.test(message)) return { status: 'network_error', detail: message.slice(0, 120) };
  return { status: 'server_error', detail: message.slice(0, 120) };
}

export const RETRYABLE: ReadonlySet<LlmFailure> = new Set<LlmFailure>(['rate_limited', 'server_error', 'network_error']);
