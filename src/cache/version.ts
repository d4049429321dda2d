/**
 * The pipeline version for cache keys: a hash of the code that produced the cached records.
 * Running from the bundle (lib/cli.cjs) that is every script beside it — the bundle and its
 * launcher lib/launch.cjs — (data files are bundled in);
 * running from src/ (tests) it is every source and data file under src/. Any code change
 * therefore invalidates the cache — coarse, but never stale.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';

let memo: Promise<string> | undefined;

export function pipelineVersion(): Promise<string> {
  memo ??= compute();
  return memo;
}

async function compute(): Promise<string> {
  const self = fileURLToPath(import.meta.url);
  const hash = createHash('sha256');
  if (/\.c?js$/.test(self)) {
    // Every script beside the bundle (lib/cli.cjs, lib/launch.cjs; the micro-benchmarks' chunks) must match.
    const dir = path.dirname(self);
    const scripts = (await readdir(dir)).filter((f) => /\.c?js$/.test(f)).sort();
    for (const f of scripts) hash.update(`${f}\0`).update(await readFile(path.join(dir, f)));
  } else {
    const src = path.resolve(path.dirname(self), '..');
    const files = (await fg(['**/*.{ts,json,yml,yaml}'], { cwd: src })).sort();
    for (const f of files) hash.update(f).update(await readFile(path.join(src, f)));
  }
  return hash.digest('hex').slice(0, 32);
}
