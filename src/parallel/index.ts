/**
 * Both cores for normalise + enrich: documents go to worker threads in small batches, handed out
 * as workers become free; results are put back in input order, so the output does not depend on
 * worker timing. Falls back to the main thread when the corpus is small (starting workers costs
 * ~100 ms), when there is one core, or when the worker bundle is absent (running from src/ under
 * vitest). `PRESSESCHAU_WORKERS=n` overrides the worker count (0 = main thread only).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { compileKnowledge } from '../enrich/index.ts';
import type { Knowledge } from '../model/knowledge.ts';
import type { RawDocument } from '../model/raw.ts';
import { processDocument, type ProcessedDocument } from './process.ts';

export { processDocument, type ProcessedDocument } from './process.ts';

/** Below this many documents the main thread is faster than starting workers. */
export const PARALLEL_MIN_DOCUMENTS = 200;
const BATCH = 24;

export interface ProcessOptions {
  /** Worker threads; default: one per core (max 4) for corpora of PARALLEL_MIN_DOCUMENTS or more. */
  workers?: number;
  /** Called with the number of documents done so far. */
  onProgress?: (done: number, total: number) => void;
}

/** The worker bundle next to the running bundle (lib/cli.js → lib/parallel-worker.js), if any. */
export function workerScript(): string | null {
  if (!import.meta.url.endsWith('.js')) return null;
  const file = fileURLToPath(new URL('./parallel-worker.js', import.meta.url));
  return existsSync(file) ? file : null;
}

export function defaultWorkers(documents: number): number {
  const env = process.env.PRESSESCHAU_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  if (documents < PARALLEL_MIN_DOCUMENTS) return 0;
  const cores = os.availableParallelism();
  return cores > 1 ? Math.min(cores, 4) : 0;
}

export async function processDocuments(docs: readonly RawDocument[], knowledge: Knowledge, options: ProcessOptions = {}): Promise<ProcessedDocument[]> {
  const wanted = Math.min(options.workers ?? defaultWorkers(docs.length), Math.ceil(docs.length / BATCH));
  const script = wanted > 0 ? workerScript() : null;
  const progress = options.onProgress ?? (() => {});
  if (!script || wanted <= 0) {
    const ck = compileKnowledge(knowledge);
    return docs.map((d, i) => {
      const r = processDocument(d, ck);
      progress(i + 1, docs.length);
      return r;
    });
  }
  return runOnWorkers(docs, knowledge, script, wanted, progress);
}

function runOnWorkers(
  docs: readonly RawDocument[],
  knowledge: Knowledge,
  script: string,
  count: number,
  progress: (done: number, total: number) => void,
): Promise<ProcessedDocument[]> {
  const results: ProcessedDocument[][] = [];
  const batches = Math.ceil(docs.length / BATCH);
  let next = 0;
  let done = 0;
  let finished = 0;
  const workers: Worker[] = [];
  return new Promise<ProcessedDocument[]>((resolve, reject) => {
    let failed = false;
    const stop = (error?: Error) => {
      for (const w of workers) void w.terminate();
      if (error) {
        failed = true;
        reject(error);
      }
    };
    const feed = (w: Worker) => {
      if (next >= batches) return;
      const batch = next++;
      w.postMessage({ batch, docs: docs.slice(batch * BATCH, (batch + 1) * BATCH) });
    };
    for (let i = 0; i < count; i++) {
      const w = new Worker(script, { workerData: { knowledge } });
      workers.push(w);
      w.on('message', (msg: { batch: number; results?: ProcessedDocument[]; error?: string }) => {
        if (failed) return;
        if (msg.error !== undefined || !msg.results) {
          const first = docs[msg.batch * BATCH]?.sourceFile ?? '?';
          stop(new Error(`normalise/enrich im Worker fehlgeschlagen (Stapel ab ${first}):\n${msg.error ?? 'keine Antwort'}`));
          return;
        }
        results[msg.batch] = msg.results;
        done += msg.results.length;
        progress(done, docs.length);
        if (++finished === batches) {
          stop();
          resolve(results.flat());
        } else feed(w);
      });
      w.on('error', (error) => {
        if (!failed) stop(error);
      });
      w.on('exit', (code) => {
        if (!failed && finished < batches && code !== 0) stop(new Error(`Worker-Thread beendet mit Code ${code}`));
      });
      feed(w);
    }
  });
}
