// Bundle src/ into lib/ with esbuild (~100 ms): the CLI starts from one file, and no type
// checking happens here (that is `tsc --noEmit` in `npm test`). Dependencies are bundled in too:
// resolving and loading ~200 separate node_modules files cost ~150 ms of every start
// (docs/performance.md, start-up).
//
// lib/cli.cjs is one CommonJS script (not an ES module) so that lib/launch.cjs (src/launch.cjs)
// can start it from V8's code cache, lib/cli.cjs.v8cache (and the worker threads from
// lib/cli.cjs.worker.v8cache, made under the launcher's run-time V8 flags), which this script makes
// by running a build of the seeds once ("training"): Node 20 has no compile cache for ES modules. The cache is
// made again only when the bundle's bytes or Node's version change; `--no-code-cache` skips it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outdir DIR` (default lib): the CLI tests build a private copy, so a compile started by
// someone else mid-test cannot swap lib/cli.cjs under a running child process.
const at = process.argv.indexOf('--outdir');
const outdir = path.resolve(root, at > 0 && process.argv[at + 1] ? process.argv[at + 1] : 'lib');
const codeCache = !process.argv.includes('--no-code-cache');
mkdirSync(outdir, { recursive: true });
// The ES module layout before the code cache (cli.js, parallel-worker.js, chunk-*.js): the cache's
// pipeline version hashes every script in lib/, so none may stay behind.
for (const f of readdirSync(outdir)) if (/^(cli|parallel-worker|chunk-.*)\.js(\.map)?$/.test(f)) rmSync(path.join(outdir, f));

/**
 * src/render/precompiled.ts in the bundle: every built-in template (templates/**\/*.eta) with the
 * function Eta compiles it to, under the engine's own options (src/render/eta-config.json), so
 * the templates come out of the code cache instead of `new Function` at every start. The engine
 * uses an entry only for that exact source text.
 */
const precompiledTemplates = {
  name: 'precompiled-templates',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]render[\\/]precompiled\.ts$/ }, () => {
      const { Eta } = createRequire(import.meta.url)('eta');
      const eta = new Eta(JSON.parse(readFileSync(path.join(root, 'src/render/eta-config.json'), 'utf8')));
      const dir = path.join(root, 'templates');
      const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.eta')).sort();
      const entries = files.map((file) => {
        const source = readFileSync(path.join(dir, file), 'utf8');
        const name = file.split(path.sep).join('/').replace(/\.eta$/, '');
        return `  [${JSON.stringify(name)}, { source: ${JSON.stringify(source)}, render: function (it, options) {\n${eta.compileToString(source)}\n} }],`;
      });
      return { loader: 'js', resolveDir: path.dirname(dir), contents: `export const PRECOMPILED = new Map([\n${entries.join('\n')}\n]);\n` };
    });
  },
};

/**
 * gray-matter's js-yaml 3 loads esprima from node_modules at start-up (a `require` esbuild cannot
 * see) for its `!!js/function` type, which only its unsafe full schema has; gray-matter parses
 * with `safeLoad`, which never uses it. Left out of the bundle, that is ~15 ms of every start
 * (reading and compiling 280 KB). The compile fails if the line is no longer there.
 */
const noEsprima = {
  name: 'no-esprima',
  setup(b) {
    b.onLoad({ filter: /[\\/]js-yaml[\\/]lib[\\/]js-yaml[\\/]type[\\/]js[\\/]function\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const line = "esprima = _require('esprima');";
      if (!source.includes(line)) throw new Error(`${args.path}: ${line} nicht gefunden (js-yaml geändert?); scripts/compile.mjs anpassen`);
      return { loader: 'js', contents: source.replace(line, 'esprima = undefined; // left out of the bundle (scripts/compile.mjs)') };
    });
  },
};

/** Write only what changed: an unchanged bundle keeps its code cache (and its mtime). */
function update(file, bytes) {
  if (!existsSync(file) || !readFileSync(file).equals(bytes)) writeFileSync(file, bytes);
}

const bundled = await build({
  absWorkingDir: root,
  // The worker threads start from the same bundle (src/cli.ts exports runWorker; src/parallel/).
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // esbuild turns every regex literal with \p{…} into a `new RegExp(…)` call (it cannot know the
  // target's Unicode version), which builds a fresh RegExp on every call of the function around it.
  supported: { 'regexp-unicode-property-escapes': true },
  sourcemap: 'linked',
  // Code that finds files relative to itself (templates/, the worker script) reads import.meta.url.
  // "use strict" first: the sources are ES modules (always strict), and a directive counts only
  // before every other statement (esbuild's own comes after the banner).
  define: { 'import.meta.url': '__presseschauUrl' },
  banner: { js: "'use strict';\nconst __presseschauUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [precompiledTemplates, noEsprima],
  write: false,
  logLevel: 'warning',
});
const bundle = path.join(outdir, 'cli.cjs');
for (const f of bundled.outputFiles) update(f.path, f.contents);
update(path.join(outdir, 'launch.cjs'), readFileSync(path.join(root, 'src', 'launch.cjs')));

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

// The main thread's cache and the worker threads' (made under the launcher's run-time V8 flags).
const cacheFiles = [`${bundle}.v8cache`, `${bundle}.worker.v8cache`];
const removeCaches = () => { for (const f of cacheFiles) rmSync(f, { force: true }); };
if (!codeCache) removeCaches();
else if (!createRequire(import.meta.url)(path.join(outdir, 'launch.cjs')).cacheIsCurrent()) train();

/**
 * Build a corpus once with lib/launch.cjs and PRESSESCHAU_CODE_CACHE=write: the cache then holds
 * the bytecode of every function the build ran. The project's seeds if they build, else the
 * starter corpus of `presseschau new`; on one thread (the threads run the same functions).
 */
function train() {
  removeCaches(); // a stale one must not pass for the new one below
  const work = mkdtempSync(path.join(os.tmpdir(), 'presseschau-train-'));
  try {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('PRESSESCHAU_')));
    let why = 'kein Korpus mit corpus.yml';
    for (const seeds of ['seeds', 'scaffold/seeds']) {
      if (!existsSync(path.join(root, seeds, 'corpus.yml'))) continue;
      const r = spawnSync(process.execPath, [path.join(outdir, 'launch.cjs'), 'build', '-q', '--seeds', path.join(root, seeds), '--out', path.join(work, 'out')], {
        cwd: root,
        env: { ...env, PRESSESCHAU_CODE_CACHE: 'write', PRESSESCHAU_WORKERS: '0' },
        encoding: 'utf8',
      });
      if (r.status === 0 && cacheFiles.every((f) => existsSync(f))) return;
      why = `${seeds}: ${(r.stderr || r.error?.message || `Exit-Code ${r.status}`).trim().split('\n')[0]}`;
    }
    removeCaches();
    process.stderr.write(`compile: kein Code-Cache in ${outdir.startsWith(root) ? path.relative(root, outdir) : outdir}, der Probe-Build ist gescheitert (${why}); presseschau startet ohne ihn langsamer\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
