/**
 * Worker thread entry (bundled to lib/parallel-worker.js): compiles the knowledge once, then
 * answers batches of RawDocuments with ProcessedDocuments. No I/O, no state between batches.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileKnowledge } from '../enrich/index.ts';
import type { Knowledge } from '../model/knowledge.ts';
import type { RawDocument } from '../model/raw.ts';
import { processDocument } from './process.ts';

export interface BatchRequest {
  batch: number;
  docs: RawDocument[];
}

if (!parentPort) throw new Error('parallel-worker: nur als Worker-Thread startbar');
const port = parentPort;
// The main thread sends exactly the Knowledge it validated; structured clone keeps it plain data.
const ck = compileKnowledge((workerData as { knowledge: Knowledge }).knowledge);
port.on('message', (req: BatchRequest) => {
  try {
    port.postMessage({ batch: req.batch, results: req.docs.map((d) => processDocument(d, ck)) });
  } catch (error) {
    const where = error instanceof Error ? (error.stack ?? error.message) : String(error);
    port.postMessage({ batch: req.batch, error: where });
  }
});
