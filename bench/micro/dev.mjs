// Profile of one session rebuild (what `presseschau dev` does after an edit), launcher for
// bench/micro/dev.ts (bundled by bundle-run.mjs). Usage:
//   node bench/micro/dev.mjs <seeds folder> <work folder> [--edits=3] [--pause=MS] [--profile] [--alloc]
import { bundleAndRun } from './bundle-run.mjs';

await bundleAndRun('dev', 'bench/micro/dev.ts');
