import type { LlmLoad } from './load-llm-client.js';

/** What the kb:add and kb:accept commands need from the outside, so tests can run them on a temporary root. */
export interface CommandIo {
  root: string;
  artifactPath: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The folder relative file arguments are resolved against (npm run changes to the project root). */
  cwd?: string;
  loadLlm?: () => Promise<LlmLoad>;
}

/** Errors meant for the user (a bad argument, a broken knowledge file) print as one line; the rest are bugs. */
export function userMessage(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  if (error.name === 'CompanyKbError' || error.name === 'KnowledgeError') return error.message;
  return null;
}
