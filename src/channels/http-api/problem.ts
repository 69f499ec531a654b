import type restify from 'restify';

/** Errors as RFC 9457 problem details (`application/problem+json`): a status, a title, and what to do. */
export function sendProblem(res: restify.Response, status: number, title: string, detail?: string, headers: Record<string, string> = {}): void {
  for (const [k, v] of Object.entries(headers)) res.header(k, v);
  res.header('Content-Type', 'application/problem+json');
  res.status(status);
  // restify's send would re-serialise by content type; the body is written as JSON text once.
  res.end(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }));
}
