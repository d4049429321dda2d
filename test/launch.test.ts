/**
 * src/launch.cjs (as lib/launch.cjs in the private package of test/cli/global-setup.ts): the CLI
 * starts from the V8 code cache scripts/compile.mjs made, builds exactly what it builds without
 * it, and never takes a cache made for other bytes.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childEnv, launcher, ROOT } from './cli/helpers.ts';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'presseschau-launch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function build(bin: string, out: string, env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [bin, 'build', '-q', '--seeds', path.join(ROOT, 'seeds'), '--out', out], {
    cwd: tmp,
    encoding: 'utf8',
    env: childEnv({ PRESSESCHAU_TRACE: '1', ...env }),
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

function files(dir: string, prefix = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.posix.join(prefix, e.name);
    if (e.isDirectory()) for (const [k, v] of files(dir, rel)) out.set(k, v);
    else out.set(rel, readFileSync(path.join(dir, rel)));
  }
  return out;
}

describe('code cache', () => {
  it('is made by the compile, accepted by this Node, and changes nothing in the output', { timeout: 60_000 }, () => {
    const lib = path.join(path.dirname(path.dirname(launcher())), 'lib');
    expect(existsSync(path.join(lib, 'cli.cjs.v8cache'))).toBe(true);
    expect(build(launcher(), path.join(tmp, 'with'))).toContain('[trace] code cache: accepted');
    expect(build(launcher(), path.join(tmp, 'without'), { PRESSESCHAU_CODE_CACHE: '0' })).toContain('[trace] code cache: none');
    const a = files(path.join(tmp, 'with'));
    const b = files(path.join(tmp, 'without'));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    // The build report states how long stages took; every other file must be byte-identical.
    expect([...a].filter(([k, v]) => !k.startsWith('_build/') && !v.equals(b.get(k) ?? Buffer.alloc(0))).map(([k]) => k)).toEqual([]);
  });

  it('worker threads start from their own cache, made under the flags the main thread sets', () => {
    // The main thread reads its cache under V8's defaults, then sets the launcher's run-time
    // flags for the whole process; a worker reading the main cache would be rejected.
    const launch = path.join(path.dirname(path.dirname(launcher())), 'lib', 'launch.cjs');
    const script = `const { Worker } = require('node:worker_threads');
      const launch = ${JSON.stringify(launch)};
      const main = require(launch).load().status;
      const w = new Worker('require("node:worker_threads").parentPort.postMessage(require(' + JSON.stringify(launch) + ').load().status)', { eval: true });
      w.on('message', (m) => { console.log(main + ' ' + m); w.terminate(); });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', env: childEnv() });
    expect(r.stdout.trim(), r.stderr).toBe('accepted accepted');
  });

  it('counts as current only where V8 takes it: not under other V8 flags, so the compile makes it again', () => {
    const launch = path.join(path.dirname(path.dirname(launcher())), 'lib', 'launch.cjs');
    const current = (...flags: string[]) => spawnSync(process.execPath, [...flags, '-p', `require(${JSON.stringify(launch)}).cacheIsCurrent()`], { encoding: 'utf8', env: childEnv() }).stdout.trim();
    expect(current()).toBe('true');
    expect(current('--no-opt')).toBe('false');
  });

  it('runs the bundle as strict code, as the ES modules it is made from', () => {
    // A directive counts only as the very first statement; a banner before it would make the
    // whole bundle sloppy-mode code (silent writes to frozen objects, `this` = globalThis).
    const bundle = readFileSync(path.join(path.dirname(path.dirname(launcher())), 'lib', 'cli.cjs'), 'utf8');
    expect(bundle.startsWith("'use strict';")).toBe(true);
  });

  it('without lib/ the launcher says what to do instead of a stack trace', () => {
    const pkg = path.join(tmp, 'no-lib');
    cpSync(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
    copyFileSync(path.join(ROOT, 'package.json'), path.join(pkg, 'package.json'));
    const r = spawnSync(process.execPath, [path.join(pkg, 'bin', 'presseschau.js'), 'build'], { cwd: tmp, encoding: 'utf8', env: childEnv() });
    expect(r.status).toBe(70);
    expect(r.stderr).toContain('npm run compile');
  });

  it('made for other bytes of the bundle, it is not used', { timeout: 60_000 }, () => {
    // A copy of the private package whose cache header no longer matches the bundle.
    const from = path.dirname(path.dirname(launcher()));
    const pkg = path.join(tmp, 'pkg');
    cpSync(path.join(from, 'bin'), path.join(pkg, 'bin'), { recursive: true });
    mkdirSync(path.join(pkg, 'lib'));
    copyFileSync(path.join(from, 'package.json'), path.join(pkg, 'package.json'));
    for (const f of readdirSync(path.join(from, 'lib'))) if (f !== 'assets') copyFileSync(path.join(from, 'lib', f), path.join(pkg, 'lib', f));
    symlinkSync(path.join(from, 'lib', 'assets'), path.join(pkg, 'lib', 'assets'), 'dir');
    for (const dir of ['node_modules', 'templates']) symlinkSync(path.join(ROOT, dir), path.join(pkg, dir), 'dir');
    const cache = path.join(pkg, 'lib', 'cli.cjs.v8cache');
    const bytes = readFileSync(cache);
    bytes[0] = (bytes[0] ?? 0) ^ 0xff;
    writeFileSync(cache, bytes);
    const stderr = build(path.join(pkg, 'bin', 'presseschau.js'), path.join(tmp, 'stale'));
    expect(stderr).toContain('[trace] code cache: stale');
    expect(existsSync(path.join(tmp, 'stale', 'index.html'))).toBe(true);
  });
});
