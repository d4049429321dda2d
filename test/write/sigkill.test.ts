/**
 * Issue 5 "atomic output": SIGKILL a real build (child process) while it writes, then check the
 * previous output is byte-identical, and that the next build cleans up and succeeds. Also:
 * two builds of the same input are byte-identical (determinism).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../bad-input/cli.ts';
import { tempDir } from '../bad-input/corpus.ts';
import { treeHash } from './tree.ts';

const FILES = 1000;
let work: string;
let seeds: string;

function writeCorpus(dir: string, variant: string) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const n = String(i).padStart(5, '0');
    writeFileSync(path.join(dir, `${n}.txt`), `Meldung ${n} ${variant}\n\nPutin und Kim sprachen am Tag ${i} über Zusammenarbeit.\n`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => {
  work = tempDir('kill');
  seeds = path.join(work, 'seeds');
  writeCorpus(seeds, 'alt');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('interrupted builds', () => {
  it('two builds of the same input are byte-identical', async () => {
    const a = await runCli(['build', '--seeds', seeds, '--out', path.join(work, 'a')]);
    const b = await runCli(['build', '--seeds', seeds, '--out', path.join(work, 'b')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(treeHash(path.join(work, 'a'))).toBe(treeHash(path.join(work, 'b')));
  });

  it('SIGKILL mid-write leaves the previous output exactly as it was; the next build recovers', async () => {
    const out = path.join(work, 'dist');
    const first = await runCli(['build', '--seeds', seeds, '--out', out]);
    expect(first.code, first.stderr).toBe(0);
    const before = treeHash(out);

    writeCorpus(seeds, 'neu');
    const t0 = performance.now();
    const child = await spawnCli(['build', '--seeds', seeds, '--out', out]);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Wait (politely: 5 ms naps) until the staging folder holds some pages, then kill.
    let staging: string | undefined;
    let written = 0;
    while (performance.now() - t0 < 30_000 && child.exitCode === null) {
      staging = readdirSync(work).find((n) => n.startsWith('.dist.staging-'));
      const artikel = staging === undefined ? undefined : path.join(work, staging, 'artikel');
      written = artikel !== undefined && existsSync(artikel) ? readdirSync(artikel).length : 0;
      if (written >= 20) break;
      await sleep(5);
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    console.log(`killed after ${Math.round(performance.now() - t0)} ms with ${written} of ${FILES} article pages staged`);
    expect(staging, 'the build never reached the write stage').toBeDefined();
    expect(written).toBeLessThan(FILES);

    expect(treeHash(out)).toBe(before);
    expect(existsSync(path.join(work, staging!))).toBe(true); // the kill really hit mid-way

    const next = await runCli(['build', '--seeds', seeds, '--out', out]);
    expect(next.code, next.stderr).toBe(0);
    const report = path.join(out, '_build', 'report.json');
    if (existsSync(report)) expect(readFileSync(report, 'utf8')).toContain('recovered-output');
    expect(readdirSync(work).filter((n) => n.startsWith('.dist.'))).toEqual([]);
    // The build report of the recovering build lists what it cleaned up, so it is left out here.
    const after = treeHash(out, ['_build']);
    expect(after).not.toBe(treeHash(path.join(work, 'a'), ['_build']));
    const fresh = await runCli(['build', '--seeds', seeds, '--out', path.join(work, 'fresh')]);
    expect(fresh.code).toBe(0);
    expect(treeHash(path.join(work, 'fresh'), ['_build'])).toBe(after);
  });
});
