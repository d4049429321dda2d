// Bundle src/ into lib/ with esbuild (~100 ms): the CLI starts from one file, and no type
// checking happens here (that is `tsc --noEmit` in `npm test`). Dependencies are bundled in too:
// resolving and loading ~200 separate node_modules files cost ~150 ms of every start
// (docs/performance.md, start-up). Code only `new`/`serve`/`dev` need (sirv, chokidar) is split
// into chunks loaded on demand; the chunks sit beside cli.js, so import.meta.url still points
// into lib/ for code that finds files relative to itself.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outdir DIR` (default lib): the CLI tests build a private copy, so a compile started by
// someone else mid-test cannot swap lib/cli.js under a running child process.
const at = process.argv.indexOf('--outdir');
const outdir = at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'lib';
// Chunk names carry a content hash: remove the previous ones so lib/ holds exactly one build
// (the cache's pipeline version hashes every lib/*.js).
try {
  for (const f of readdirSync(path.resolve(root, outdir))) if (/^chunk-.*\.js(\.map)?$/.test(f)) rmSync(path.resolve(root, outdir, f));
} catch {
  // no lib/ yet
}
await build({
  absWorkingDir: root,
  // parallel-worker: the worker-thread entry for normalise + enrich (src/parallel/).
  entryPoints: { cli: 'src/cli.ts', 'parallel-worker': 'src/parallel/worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  // Bundled CommonJS dependencies call require() for Node built-ins; ESM has none, so give it one.
  banner: { js: "import { createRequire as __presseschauRequire } from 'node:module'; const require = __presseschauRequire(import.meta.url);" },
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
