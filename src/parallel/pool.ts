/**
 * Both cores: a pool of worker threads that run the build's jobs (jobs.ts: documents, pages,
 * record JSON), each job handed to the next free worker. Every job is a pure function of its
 * request and of what `begin` told the workers, so results do not depend on which worker ran
 * them or when; callers put results back in their own order.
 *
 * `inlinePool()` runs the same handlers on the calling thread (small corpora, where starting
 * threads costs more than it saves, and runs from src/ under vitest, where there is no worker
 * bundle). `PRESSESCHAU_WORKERS=n` sets the thread count (0 = inline).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import { serialize } from 'node:v8';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RecordReader } from '../cache/store.ts';
import { createJobState, handle, type JobKind, type JobMessage, type JobRequest, type JobResult } from './jobs.ts';

export interface Pool {
  readonly threads: number;
  /**
   * `transfer`: buffers of the request to move to the thread instead of copying (they become
   * unusable here). `urgent`: served before every job that is not (the main thread waits for it).
   */
  run<K extends JobKind>(kind: K, request: JobRequest<K>, transfer?: ArrayBuffer[], urgent?: boolean): Promise<JobResult<K>>;
  /** The same job on every worker (begin, end), resolved when all have answered. */
  broadcast<K extends JobKind>(kind: K, request: JobRequest<K>): Promise<JobResult<K>[]>;
  close(): Promise<void>;
  /** The record store of this thread's job state (inline pools), for the main thread's own reads. */
  localReader(): RecordReader | undefined;
}

/** Below this many documents one thread is faster than starting workers (~100 ms each). */
export const PARALLEL_MIN_DOCUMENTS = 200;

/**
 * The script a worker thread starts from, beside the running bundle: lib/launch.cjs, which loads
 * lib/cli.cjs (and its code cache) again in the thread — or, in the micro-benchmarks' ES module
 * bundles (bench/micro/bundle-run.mjs), their parallel-worker.js. None when running from src/.
 */
export function workerScript(): string | null {
  if (!/\.c?js$/.test(import.meta.url)) return null;
  for (const name of ['./launch.cjs', './parallel-worker.js']) {
    const file = fileURLToPath(new URL(name, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

export function defaultWorkers(documents: number): number {
  const env = process.env.PRESSESCHAU_WORKERS;
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  if (documents < PARALLEL_MIN_DOCUMENTS) return 0;
  const cores = os.availableParallelism();
  return cores > 1 ? Math.min(cores, 4) : 0;
}

/** `count` worker threads, or the inline pool when that is 0 or there is no worker bundle. */
export function startPool(count: number): Pool {
  const script = count > 0 ? workerScript() : null;
  return script ? workerPool(script, count) : inlinePool();
}

export function inlinePool(): Pool {
  const state = createJobState(0);
  const run = <K extends JobKind>(kind: K, request: JobRequest<K>): Promise<JobResult<K>> => {
    try {
      return Promise.resolve(handle(state, kind, request));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  return {
    threads: 0,
    run,
    broadcast: async (kind, request) => [await run(kind, request)],
    close: async () => {
      handle(state, 'end', {});
    },
    localReader: () => state.reader,
  };
}

interface Pending {
  id: number;
  kind: JobKind;
  request: unknown;
  transfer: ArrayBuffer[];
  resolve: (value: never) => void;
  reject: (error: Error) => void;
  /** Only this worker may take it (broadcast). */
  only?: number;
  /** The request v8-serialised, posted instead of it (broadcast). */
  packed?: Uint8Array;
}

/**
 * Jobs posted to a worker before it has answered the one it runs. A worker takes its next job
 * from its own message queue the moment it finishes one, so it does not wait for this thread to
 * read the answer and post the next — which this thread, busy with a page of its own, may do
 * only much later. Two is enough for that and keeps an urgent job behind at most one other.
 */
export const IN_FLIGHT = 2;

function workerPool(script: string, count: number): Pool {
  const workers: Worker[] = [];
  /** Per worker, the jobs posted to it, in the order it answers them. */
  const busy: Pending[][] = [];
  const queue: Pending[] = [];
  let next = 0;
  let failure: Error | undefined;

  const dispatch = () => {
    // the idlest workers first, so jobs spread evenly
    for (let depth = 0; depth < IN_FLIGHT && queue.length > 0; depth++) {
      for (let w = 0; w < workers.length; w++) {
        const posted = busy[w] as Pending[];
        if (posted.length !== depth) continue;
        const i = queue.findIndex((p) => p.only === undefined || p.only === w);
        if (i === -1) continue;
        const job = queue.splice(i, 1)[0] as Pending; // found above
        if (i < urgentCount) urgentCount--;
        posted.push(job);
        const message: JobMessage = job.packed ? { id: job.id, kind: job.kind, packed: job.packed } : { id: job.id, kind: job.kind, request: job.request };
        (workers[w] as Worker).postMessage(message, job.transfer);
      }
    }
  };
  const fail = (error: Error) => {
    failure ??= error;
    urgentCount = 0;
    for (const p of [...queue.splice(0), ...busy.flatMap((b) => b.splice(0))]) p.reject(failure);
  };
  for (let w = 0; w < count; w++) {
    const worker = new Worker(script, { workerData: { index: w } });
    worker.on('message', (msg: { id: number; result?: unknown; error?: string }) => {
      const job = (busy[w] as Pending[]).shift();
      if (!job || job.id !== msg.id) return fail(new Error(`Worker ${w}: unerwartete Antwort`));
      if (msg.error !== undefined) job.reject(new Error(`${job.kind} im Worker fehlgeschlagen:\n${msg.error}`));
      else job.resolve(msg.result as never);
      dispatch();
    });
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`Worker-Thread beendet mit Code ${code}`));
    });
    workers.push(worker);
    busy.push([]);
  }
  let urgentCount = 0;
  const enqueue = <K extends JobKind>(kind: K, request: JobRequest<K>, only?: number, transfer: ArrayBuffer[] = [], urgent = false, packed?: Uint8Array): Promise<JobResult<K>> => {
    if (failure) return Promise.reject(failure);
    return new Promise<JobResult<K>>((resolve, reject) => {
      const job: Pending = { id: next++, kind, request, transfer, resolve: resolve as (v: never) => void, reject };
      if (only !== undefined) job.only = only;
      if (packed !== undefined) job.packed = packed;
      // urgent jobs in order among themselves, all before the others
      if (urgent) queue.splice(urgentCount++, 0, job);
      else queue.push(job);
      dispatch();
    });
  };
  return {
    threads: count,
    run: (kind, request, transfer, urgent) => enqueue(kind, request, undefined, transfer, urgent),
    broadcast: (kind, request) => {
      // Serialised once for every thread (the site view, ~20 MB at 10 000 articles): posting the
      // object itself would clone its graph once per thread; the bytes are only copied.
      const packed = workers.length > 1 ? serialize(request) : undefined;
      return Promise.all(workers.map((_, w) => enqueue(kind, request, w, [], false, packed)));
    },
    async close() {
      await Promise.allSettled(workers.map((_, w) => enqueue('end', {}, w)));
      await Promise.all(workers.map((w) => w.terminate()));
    },
    localReader: () => undefined,
  };
}
