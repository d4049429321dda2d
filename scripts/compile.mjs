// Bundle src/ into lib/ with esbuild (~100 ms): the CLI starts from one file, and no type
// checking happens here (that is `tsc --noEmit` in `npm test`). Dependencies stay external.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outdir DIR` (default lib): the CLI tests build a private copy, so a compile started by
// someone else mid-test cannot swap lib/cli.js under a running child process.
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'lib';
await build({
  absWorkingDir: root,
  // parallel-worker: the worker-thread entry for normalise + enrich (src/parallel/).
  entryPoints: { cli: 'src/cli.ts', 'parallel-worker': 'src/parallel/worker.ts' },
  outdir,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
});

// The search client (src/render/client/): one classic IIFE script for the browser, with
// MiniSearch and the German stemmer inside — file:// allows no ES modules. The theme loader
// (src/ingest/templates.ts) picks it up from lib/assets/ like any built-in asset.
await build({
  absWorkingDir: root,
  entryPoints: [
    { in: 'src/render/client/search.ts', out: 'suche' },
    { in: 'src/render/client/search.css', out: 'suche' },
  ],
  outdir: `${outdir}/assets`,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
});
