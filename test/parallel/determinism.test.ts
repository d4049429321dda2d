/**
 * Worker threads and the record cache must not change a single byte of output: the same corpus
 * built on the main thread, on two workers, and again from a warm cache gives identical files.
 * Runs the bundled code (workers need lib/launch.cjs), compiled privately into a temp folder so a
 * concurrent `npm run compile` cannot swap it mid-test; and the same corpus built from src/ in
 * this process, which the bundle must match byte for byte (the bundle carries the built-in
 * templates precompiled, src/render/precompiled.ts; src/ compiles them at run time).
 */
import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureCorpus, type CorpusInfo } from '../../bench/generate.ts';
import { build } from '../../src/build.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const COUNT = 60;
let tmp: string;
let pkg: string;
let corpus: CorpusInfo;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'presseschau-parallel-'));
  await mkdir(path.join(ROOT, 'test/parallel/out'), { recursive: true });
  corpus = await ensureCorpus({ count: COUNT, seedsDir: path.join(ROOT, 'seeds'), root: path.join(tmp, 'corpora') });
  // Inside the project (test/**/out/ is git-ignored), so dependencies, templates/ and package.json
  // are found by walking up from the bundle, as from lib/.
  // The CLI reads ../package.json beside lib/ and finds templates/ at that package root.
  pkg = await mkdtemp(path.join(ROOT, 'test/parallel/out/pkg-'));
  await copyFile(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
  await symlink(path.join(ROOT, 'templates'), path.join(pkg, 'templates'));
  await symlink(path.join(ROOT, 'assets'), path.join(pkg, 'assets'));
  await cp(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
  // After the package is in place: the compile's code-cache training builds the seeds with this lib/.
  const c = spawnSync(process.execPath, ['scripts/compile.mjs', '--outdir', path.join(pkg, 'lib')], { cwd: ROOT, encoding: 'utf8' });
  if (c.status !== 0) throw new Error(c.stderr);
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
  await rm(pkg, { recursive: true, force: true });
});

/** Runs the private bundle's CLI in a child process (own env for PRESSESCHAU_WORKERS). */
function buildWith(out: string, workers: number): string {
  const r = spawnSync(process.execPath, [path.join(pkg, 'bin/presseschau.js'), 'build', '--seeds', corpus.seedsDir, '--out', out], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PRESSESCHAU_WORKERS: String(workers) },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

async function tree(dir: string, prefix = ''): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, e.name);
    if (e.isDirectory()) for (const [k, v] of await tree(dir, rel)) out.set(k, v);
    else out.set(rel, await readFile(path.join(dir, rel)));
  }
  return out;
}

function expectSameTree(a: Map<string, Buffer>, b: Map<string, Buffer>): void {
  expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
  // The build report states how long stages took; everything else must be byte-identical.
  const differing = [...a].filter(([k, v]) => !k.startsWith('_build/') && !v.equals(b.get(k) ?? Buffer.alloc(0))).map(([k]) => k);
  expect(differing).toEqual([]);
}

it('main thread, two workers and a warm cache give the same site', { timeout: 120_000 }, async () => {
  buildWith(path.join(tmp, 'serial'), 0);
  buildWith(path.join(tmp, 'workers'), 2);
  const serial = await tree(path.join(tmp, 'serial'));
  expect([...serial.keys()].filter((k) => k.startsWith('artikel/'))).toHaveLength(COUNT);
  expectSameTree(serial, await tree(path.join(tmp, 'workers')));
  // Second build into the same folder: every record comes from the cache, so no record store
  // segment is written (segments are created with their first entry) and none is rewritten.
  const cacheDir = path.join(tmp, '.presseschau-cache', 'workers', 'store');
  const shards = (await readdir(cacheDir)).filter((n) => n.endsWith('.bin'));
  expect(shards.length).toBeGreaterThan(0);
  const names = await readdir(cacheDir);
  const mtimes = async () => Promise.all(shards.map(async (n) => (await stat(path.join(cacheDir, n))).mtimeMs));
  const before = await mtimes();
  buildWith(path.join(tmp, 'workers'), 2);
  expect(await mtimes()).toEqual(before);
  expect((await readdir(cacheDir)).filter((n) => n.endsWith('.bin')).sort()).toEqual(names.filter((n) => n.endsWith('.bin')).sort());
  expectSameTree(serial, await tree(path.join(tmp, 'workers')));
});

it('the bundle writes what src/ writes (templates precompiled into lib/ against compiled at run time)', { timeout: 120_000 }, async () => {
  buildWith(path.join(tmp, 'bundle'), 0);
  await build({ seedsDir: corpus.seedsDir, outDir: path.join(tmp, 'src'), cache: false, workers: 0 });
  expectSameTree(await tree(path.join(tmp, 'bundle')), await tree(path.join(tmp, 'src')));
});
