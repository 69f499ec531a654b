import { relative, join } from 'node:path';

/**
 * Where a company's own knowledge lives under the knowledge root. Every function takes the root, so
 * tests work on a temporary copy and never touch the project's knowledge/ folder.
 */
export const companyDir = (root: string) => join(root, 'company');
export const companyDocumentsDir = (root: string) => join(companyDir(root), 'documents');
export const companyCatalogPath = (root: string) => join(companyDocumentsDir(root), 'catalog.yaml');
/** Accepted guidelines: loaded by the engine like the built-in ones. */
export const companyGuidelinesPath = (root: string, docId: string) => join(companyDir(root), 'guidelines', `${docId}.yaml`);
/** Proposals: never loaded; kb:accept moves the chosen ones to the guidelines folder. */
export const proposedDir = (root: string) => join(companyDir(root), 'proposed');
export const proposalPath = (root: string, docId: string) => join(proposedDir(root), `${docId}.yaml`);

/** A path as the user should see it: relative to the working folder when that is shorter. */
export const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};
