/** Issue 5 exit codes through the real CLI: warnings → 0, --strict → 1, nothing valid → 1, unsafe --out → 1. */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES, GOOD, makeBadCorpus, tempDir } from './corpus.ts';
import { runCli } from './cli.ts';

let bad: string;
let work: string;
beforeAll(() => {
  bad = makeBadCorpus();
  work = tempDir('exit');
});
afterAll(() => {
  rmSync(bad, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('exit codes', () => {
  it('bad files are skipped with warnings; the build exits 0 and lists each file', async () => {
    const out = path.join(work, 'out-default');
    const r = await runCli(['build', '--seeds', bad, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const file of [CASES.empty, CASES.binary, CASES.latin1, CASES.huge, CASES.outside]) expect(r.stderr).toContain(file);
    expect(r.stderr).toMatch(/latin1\.txt:2:8 +warning .*invalid-utf8/);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const report = path.join(out, '_build', 'report.json');
    if (existsSync(report)) {
      // Written by the CLI stage (another engineer's work); checked whenever it exists.
      const text = readFileSync(report, 'utf8');
      for (const file of [CASES.empty, CASES.binary, CASES.huge]) expect(text).toContain(file);
    }
  });

  it('--strict turns any warning into exit 1 and leaves the output untouched', async () => {
    const out = path.join(work, 'out-strict');
    const r = await runCli(['build', '--strict', '--seeds', bad, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/strict/i);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });

  it('a corpus without any valid article fails clearly with exit 1', async () => {
    const seeds = path.join(work, 'nothing-valid');
    mkdirSync(seeds);
    writeFileSync(path.join(seeds, 'leer.txt'), '\n\n');
    writeFileSync(path.join(seeds, 'binaer.txt'), new Uint8Array([0, 1, 2]));
    const r = await runCli(['build', '--seeds', seeds, '--out', path.join(work, 'out-none')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Kein gültiger Artikel');
    expect(r.stderr).toContain('leer.txt');
  });

  it('an empty seeds folder fails the same way', async () => {
    const seeds = path.join(work, 'empty-seeds');
    mkdirSync(seeds);
    const r = await runCli(['build', '--seeds', seeds, '--out', path.join(work, 'out-empty')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Kein gültiger Artikel');
  });

  it.each([
    ['the project root', '.'],
    ['seeds/', 'seeds'],
    ['src/', 'src'],
    ['templates/', 'templates'],
    ['a folder inside seeds/', 'seeds/out'],
    ['a parent of the project', '..'],
    ['/', '/'],
  ])('refuses --out %s', async (_name, out) => {
    const seeds = path.join(work, 'one');
    mkdirSync(seeds, { recursive: true });
    writeFileSync(path.join(seeds, 'a.txt'), GOOD);
    const r = await runCli(['build', '--seeds', seeds, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unsafe-output-dir');
  });
});
