/**
 * Worker thread side of the pool (pool.ts): answers the pool's jobs (jobs.ts) one at a time, with
 * the thread's own job state. An exception becomes an error answer for that job; the thread stays
 * usable. Started by lib/launch.cjs in a thread (src/launch.cjs), from the same bundle as the CLI.
 */
import { deserialize } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { createJobState, handle, transferables, type JobMessage } from './jobs.ts';

export function runWorker(): void {
  if (!parentPort) throw new Error('parallel-worker: nur als Worker-Thread startbar');
  const port = parentPort;
  const state = createJobState((workerData as { index: number }).index);
  port.on('message', (msg: JobMessage) => {
    try {
      const request = (msg.packed ? deserialize(msg.packed) : msg.request) as never; // the pool posts a JobRequest of msg.kind
      const result = handle(state, msg.kind, request);
      port.postMessage({ id: msg.id, result }, transferables(result));
    } catch (error) {
      port.postMessage({ id: msg.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  });
}
