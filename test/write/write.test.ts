/** The staged writer: confinement, atomic swap, failure leaves the old output, recovery of leftovers. */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkOutputDir, OUTPUT_MARKER } from '../../src/config/guard.ts';
import { confine, OutputPathError, stageOutput } from '../../src/write/index.ts';
import { tempDir } from '../bad-input/corpus.ts';
import { treeHash } from './tree.ts';

let work: string;
beforeEach(() => {
  work = tempDir('write');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('confine', () => {
  it.each([
    '../x.html', '../../etc/passwd', 'artikel/../../x', '/etc/passwd', 'C:/x', 'a\\..\\b', 'a/./b', 'a//b', '', 'x\0.html', '..', '.',
  ])('refuses %j', (p) => {
    expect(() => confine(work, p)).toThrow(OutputPathError);
  });
  it.each(['index.html', 'artikel/aerger.html', 'a/b/c.json', '..hidden', 'x..y.html'])('accepts %j inside the root', (p) => {
    const abs = confine(work, p);
    expect(abs.startsWith(work + path.sep)).toBe(true);
  });
});

async function writeSite(out: string, pages: Record<string, string>) {
  const staged = await stageOutput(out);
  for (const [p, content] of Object.entries(pages)) await staged.write({ path: p, content });
  return staged.commit();
}

describe('staged output', () => {
  it('swaps in a complete site with a marker and leaves no staging folders', async () => {
    const out = path.join(work, 'dist');
    await writeSite(out, { 'index.html': 'eins', 'artikel/a.html': 'a' });
    await writeSite(out, { 'index.html': 'zwei' });
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    expect(readdirSync(work)).toEqual(['dist']);
  });

  it('a failed build (hostile path mid-way) leaves the previous output exactly as it was', async () => {
    const out = path.join(work, 'dist');
    await writeSite(out, { 'index.html': 'alt', 'artikel/a.html': 'a' });
    const before = treeHash(out);
    await expect(writeSite(out, { 'index.html': 'neu', '../../etc/passwd': 'x' })).rejects.toThrow(OutputPathError);
    expect(treeHash(out)).toBe(before);
    expect(existsSync(path.join(work, 'etc'))).toBe(false);
  });

  it('refuses a page that would overwrite the marker or appear twice', async () => {
    const staged = await stageOutput(path.join(work, 'dist'));
    await expect(staged.write({ path: OUTPUT_MARKER, content: '' })).rejects.toThrow(OutputPathError);
    await staged.write({ path: 'a.html', content: '' });
    await expect(staged.write({ path: 'a.html', content: '' })).rejects.toThrow(/zweimal/);
    await staged.abort();
    expect(readdirSync(work)).toEqual([]);
  });

  it('recovers when a build was killed between the two renames (output missing, .old- present)', async () => {
    const out = path.join(work, 'dist');
    await writeSite(out, { 'index.html': 'alt' });
    const before = treeHash(out);
    // The state a SIGKILL between rename(out → old) and rename(staging → out) leaves: pid 2^22+1 cannot be alive.
    renameSync(out, path.join(work, '.dist.old-4194305-deadbeef'));
    mkdirSync(path.join(work, '.dist.staging-4194305-cafebabe'));
    writeFileSync(path.join(work, '.dist.staging-4194305-cafebabe', 'index.html'), 'halb');
    const staged = await stageOutput(out);
    expect(staged.recovered.join('\n')).toMatch(/wiederhergestellt/);
    expect(treeHash(out)).toBe(before); // restored before anything new is written
    await staged.abort();
    expect(readdirSync(work)).toEqual(['dist']);
  });

  it('deferRemoval: commit swaps in the new output and leaves the old one to retired(), which removes it', async () => {
    const out = path.join(work, 'dist');
    await writeSite(out, { 'index.html': 'alt', 'artikel/a.html': 'a' });
    const staged = await stageOutput(out, { deferRemoval: true });
    await staged.write({ path: 'index.html', content: 'neu' });
    await staged.commit();
    expect(readdirSync(out).sort()).toEqual([OUTPUT_MARKER, 'index.html']);
    // The old output was moved aside at once; its removal may still be under way.
    expect(readdirSync(work).filter((n) => n !== 'dist').every((n) => n.startsWith('.dist.old-'))).toBe(true);
    await staged.retired();
    expect(readdirSync(work)).toEqual(['dist']);
  });

  it('leaves the staging folder of a build that is still running alone', async () => {
    const live = path.join(work, `.dist.staging-${process.ppid}-00000000`);
    mkdirSync(live);
    await writeSite(path.join(work, 'dist'), { 'index.html': 'x' });
    expect(existsSync(live)).toBe(true);
  });
});

describe('output-folder guard', () => {
  const opts = () => ({ seedsDir: path.join(work, 'seeds'), cwd: work, packageRoot: path.join(work, 'pkg'), home: path.join(work, 'home') });
  it.each([
    ['/', '/'], ['home', 'home'], ['project root', '.'], ['parent of project', '..'], ['seeds', 'seeds'], ['inside seeds', 'seeds/dist'],
    ['src', 'src'], ['templates', 'templates'], ['package root', 'pkg'], ['package lib/', 'pkg/lib'],
  ])('refuses %s', (_name, rel) => {
    const d = checkOutputDir(path.resolve(work, rel), opts());
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'error', ruleId: 'unsafe-output-dir' });
    expect(d[0]!.hint).toBeTruthy();
  });
  it('refuses a symlink that resolves to the project root', () => {
    const link = path.join(work, 'sneaky');
    symlinkSync(work, link);
    expect(checkOutputDir(link, opts())).toHaveLength(1);
  });
  it('refuses a non-empty folder not written by presseschau, and a file', () => {
    mkdirSync(path.join(work, 'docs'));
    writeFileSync(path.join(work, 'docs', 'thesis.tex'), '');
    expect(checkOutputDir(path.join(work, 'docs'), opts())[0]?.message).toMatch(/nicht von presseschau/);
    writeFileSync(path.join(work, 'datei'), '');
    expect(checkOutputDir(path.join(work, 'datei'), opts())[0]?.message).toMatch(/Datei/);
  });
  it('accepts a new folder, an empty one, and one with the marker', () => {
    expect(checkOutputDir(path.join(work, 'dist'), opts())).toEqual([]);
    mkdirSync(path.join(work, 'leer'));
    expect(checkOutputDir(path.join(work, 'leer'), opts())).toEqual([]);
    mkdirSync(path.join(work, 'alt'));
    writeFileSync(path.join(work, 'alt', OUTPUT_MARKER), '');
    writeFileSync(path.join(work, 'alt', 'index.html'), '');
    expect(checkOutputDir(path.join(work, 'alt'), opts())).toEqual([]);
  });
});
