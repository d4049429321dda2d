// Micro-benchmark of the site stages (index + render), launcher for bench/micro/site.ts (bundled
// by bundle-run.mjs into .cache/micro-site/). Usage:
//   node bench/micro/site.mjs [--size=1000|10000] [--runs=3] [--fresh] [--pages]
// Records (normalise + enrich output) are computed once per corpus size and kept in
// /tmp/presseschau-micro-site-<size>.v8, so the numbers measure index and render only and do
// not move when other stages change; --fresh recomputes them.
import { bundleAndRun } from './bundle-run.mjs';

await bundleAndRun('site', 'bench/micro/site.ts');
