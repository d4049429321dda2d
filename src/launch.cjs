'use strict';
/**
 * How the compiled CLI starts (copied to lib/launch.cjs by scripts/compile.mjs; plain CommonJS,
 * not bundled: it loads the bundle).
 *
 * lib/cli.cjs is one classic script, so V8 can start it from a code cache instead of compiling
 * 1.7 MB of JavaScript on every run: lib/cli.cjs.v8cache holds the bytecode of every function a
 * build of the seeds ran, made by scripts/compile.mjs right after bundling (docs/performance.md,
 * start-up). Node 20 has no compile cache for ES modules; this is what `v8-compile-cache` and
 * Node 22's module.enableCompileCache() do for CommonJS, kept to one file we produce ourselves.
 *
 * The cache is used only when its header — sha256 of the bundle's bytes, Node's version and the
 * architecture — matches; V8 itself rejects it again for other V8 flags. A rejected or missing
 * cache costs only the compile time. `PRESSESCHAU_CODE_CACHE=0` ignores it,
 * `PRESSESCHAU_CODE_CACHE=write` writes a new one when the run ends (scripts/compile.mjs).
 *
 * Started as a worker thread (src/parallel/pool.ts) it loads the same bundle, from the worker
 * threads' cache (see WORKER_CACHE), and answers the pool's jobs.
 */
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');
const { isMainThread } = require('node:worker_threads');

const BUNDLE = path.join(__dirname, 'cli.cjs');
/**
 * Two caches of the same code: V8 takes a cache only under the flags it was made under. The main
 * thread reads its cache under V8's defaults and then sets RUNTIME_FLAGS (process-wide), so the
 * worker threads, which start later, read one made under RUNTIME_FLAGS.
 */
const CACHE = `${BUNDLE}.v8cache`;
const WORKER_CACHE = `${BUNDLE}.worker.v8cache`;
const HEADER = 32; // bytes of sha256

/**
 * V8 flags set at run time, once the bundle is compiled (docs/performance.md, start-up):
 * - `--regexp-tier-up-ticks=0`: compile each regex made from now on to machine code at its first
 *   use. By default V8 first compiles it to bytecode for its interpreter and, at the second use,
 *   again to machine code; nearly every regex of ours runs on every line of every file, so that
 *   is two compilations where one does (~40 % less regex compile time in a build of the seeds).
 *   Not `--no-regexp-tier-up`: switched off at run time, V8 runs a regex compiled to bytecode
 *   before the switch as machine code and crashes (seen: a segfault in
 *   Builtins_RegExpInterpreterTrampoline when esprima was still loaded at start-up).
 * - `--interrupt-budget` ten times V8's default (67 584): a function must run ten times as long
 *   before V8 optimises it with TurboFan. Fewer functions are optimised that are warm but not
 *   hot, and the optimising compiler's threads leave more of two cores to ours. Interleaved,
 *   cold builds: seeds ~−0.1 s, 1 000 articles 10.3 → 8.7 s, 10 000 articles unchanged.
 */
const RUNTIME_FLAGS = ['--regexp-tier-up-ticks=0', '--interrupt-budget=675840'];

/** Set RUNTIME_FLAGS for the whole process (the worker threads included). */
const useRuntimeFlags = () => v8.setFlagsFromString(RUNTIME_FLAGS.join(' '));

/** What the cache header must say for this bundle on this Node. */
function cacheHeader(source) {
  return createHash('sha256').update(source).update(`\0${process.version}\0${process.arch}`).digest();
}

/** The cache data in `file`: null when there is none, false when its header is not `header`. */
function cachedDataIn(file, header) {
  let bytes;
  try {
    bytes = readFileSync(file);
  } catch {
    return null;
  }
  return bytes.subarray(0, HEADER).equals(header) ? bytes.subarray(HEADER) : false;
}

/** The bundle as a V8 script, from `cachedData` when given (V8 may still reject it). */
function compile(source, cachedData) {
  return new vm.Script(Module.wrap(source.toString('utf8')), {
    filename: BUNDLE,
    // import() inside the bundle (none today) resolves as it would in a module of the main context
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    ...(cachedData ? { cachedData } : {}),
  });
}

/**
 * Whether both caches beside the bundle were made for its bytes on this Node and V8 takes them
 * (scripts/compile.mjs asks; leaves RUNTIME_FLAGS set in the asking process): a cache made under
 * other V8 flags has the right header but would be rejected on every run.
 */
function cacheIsCurrent() {
  let source;
  try {
    source = readFileSync(BUNDLE);
  } catch {
    return false;
  }
  const header = cacheHeader(source);
  const takes = (file) => {
    const data = cachedDataIn(file, header);
    return Boolean(data) && !compile(source, data).cachedDataRejected;
  };
  if (!takes(CACHE)) return false;
  useRuntimeFlags();
  return takes(WORKER_CACHE);
}

let loaded;
/** The bundle's exports, evaluated once per thread; `status` says what became of the cache. */
function load() {
  if (loaded) return loaded;
  const source = readFileSync(BUNDLE);
  const header = cacheHeader(source);
  const mode = process.env.PRESSESCHAU_CODE_CACHE;
  const cachedData = mode === '0' || mode === 'write' ? null : cachedDataIn(isMainThread ? CACHE : WORKER_CACHE, header);
  const script = compile(source, cachedData);
  const status = cachedData === false ? 'stale' : cachedData ? (script.cachedDataRejected ? 'rejected' : 'accepted') : 'none';
  // Only now, with the cache read, tune V8 for a CLI — once, from the main thread. V8 rejects a
  // cache made under other flags and checks them again when it writes one, so the training run
  // (mode 'write') keeps V8's defaults.
  if (mode !== 'write' && isMainThread) useRuntimeFlags();
  const module = { exports: {}, filename: BUNDLE, id: BUNDLE };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(BUNDLE), module, BUNDLE, __dirname);
  loaded = { exports: module.exports, script, header, status };
  return loaded;
}

/**
 * Write the code caches of everything compiled so far, atomically (other runs may be reading
 * them): the main thread's under the flags of this run (V8's defaults), then the worker threads'
 * under RUNTIME_FLAGS — V8 stamps a cache with the flags set when it is written.
 */
function writeCache() {
  const { script, header } = load();
  const write = (file) => {
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, Buffer.concat([header, script.createCachedData()]));
    renameSync(temp, file);
  };
  write(CACHE);
  useRuntimeFlags();
  write(WORKER_CACHE);
}

/** The CLI on `argv`; resolves to its exit code (bin/presseschau.js). */
async function start(argv) {
  const { exports, status } = load();
  if (process.env.PRESSESCHAU_TRACE) process.stderr.write(`[trace] code cache: ${status}\n`);
  const code = await exports.main(argv);
  if (process.env.PRESSESCHAU_CODE_CACHE === 'write') writeCache();
  return code;
}

/** The CLI as a process: exit code set, an internal error reported as one (exit 70). */
function run(argv) {
  start(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`presseschau: interner Fehler: ${(error && error.stack) || error}\n`);
      process.exitCode = 70;
    },
  );
}

module.exports = { run, start, load, cacheIsCurrent };

// `node lib/launch.cjs …` (the compile's training run), or a worker thread of the pool.
if (require.main === module) {
  if (isMainThread) run(process.argv.slice(2));
  else load().exports.runWorker();
}
