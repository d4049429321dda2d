// The worker-thread entry of the micro-benchmarks' bundles (bundle-run.mjs): src/parallel/pool.ts
// finds it beside the bundle as parallel-worker.js. The CLI's threads start from lib/launch.cjs.
import { runWorker } from '../../src/parallel/worker.ts';

runWorker();
