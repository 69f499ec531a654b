import { loadKnowledgeBase } from '../src/engine/knowledge-base.js';
import { review } from '../src/engine/review.js';

/** Run in a fresh process by the benchmark: how long loading the compiled knowledge base takes. */
const t0 = performance.now();
loadKnowledgeBase();
const t1 = performance.now();
review({ draft: "Sorry, that's not my department.", lang: 'en' });
const t2 = performance.now();
// performance.now() counts from the process's own start: node boot, module imports, load, first review.
process.stdout.write(JSON.stringify({ importMs: t0, loadMs: t1 - t0, firstReviewMs: t2 - t1, readyMs: t2, rssMb: process.memoryUsage().rss / 1024 / 1024 }));
