/**
 * A build session (src/session.ts) reuses what did not change and nothing else: after an edit, a
 * new file, a deleted file and a changed corpus.yml, each session build writes exactly the site a
 * cold build of the same corpus writes, and reads only the files that changed.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { tree } from './helpers/tree.ts';
import { closeSession, createSession } from '../src/session.ts';

const SEEDS = path.resolve(import.meta.dirname, '../seeds');
const root = mkdtempSync(path.join(os.tmpdir(), 'presseschau-session-'));
const seeds = path.join(root, 'seeds');
cpSync(SEEDS, seeds, { recursive: true });
const session = createSession();
afterAll(async () => {
  await closeSession(session);
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
/** The session build and a cold build (fresh output, no cache) of the corpus as it is now. */
async function bothBuilds() {
  // no build cache: whatever is reused comes from the session
  const warm = await build({ seedsDir: seeds, outDir: path.join(root, 'warm'), session, cache: false, workers: 0 });
  const coldOut = path.join(root, `cold-${n++}`);
  await build({ seedsDir: seeds, outDir: coldOut, cache: false, workers: 0 });
  const a = tree(path.join(root, 'warm'));
  const b = tree(coldOut);
  expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
  expect([...a].filter(([k, v]) => b.get(k) !== v).map(([k]) => k)).toEqual([]);
  return warm;
}

describe('build session', () => {
  it('first build, then one edited file: the same site as a cold build, and only that file made again', async () => {
    const first = await bothBuilds();
    expect(first.records).toHaveLength(5);
    const file = path.join(seeds, '003_68cbc1ad60d296a1.txt');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n\nNachtrag: Der Kreml bestätigte das Treffen am Abend.\n`);
    const second = await bothBuilds();
    expect(second.timings.cacheHits).toBe(4);
  });

  it('a new file and a deleted one', async () => {
    writeFileSync(path.join(seeds, 'neu.txt'), 'Gipfel in Pjöngjang\n\nWladimir Putin traf Kim Jong Un in Pjöngjang.\n');
    const added = await bothBuilds();
    expect(added.records.map((r) => r.sourceFile)).toContain('neu.txt');
    unlinkSync(path.join(seeds, '000_0196cf2e184cccf0.txt'));
    const removed = await bothBuilds();
    expect(removed.records.map((r) => r.sourceFile)).not.toContain('000_0196cf2e184cccf0.txt');
    expect(removed.timings.cacheHits).toBe(removed.records.length);
  });

  it('a file rewritten with the same size: its new stat (times) is seen', async () => {
    const file = path.join(seeds, '004_98e908585769d8dc.txt');
    const text = readFileSync(file, 'utf8');
    const before = statSync(file);
    writeFileSync(file, text.replace('Putin', 'PUTIN'));
    expect(statSync(file).size).toBe(before.size);
    const r = await bothBuilds();
    expect(r.timings.cacheHits).toBe(r.records.length - 1);
  });

  it('a changed corpus.yml makes every file again', async () => {
    const yml = path.join(seeds, 'corpus.yml');
    writeFileSync(yml, readFileSync(yml, 'utf8').replace('name: Wladimir Putin', 'name: Wladimir W. Putin'));
    const r = await bothBuilds();
    expect(r.timings.cacheHits).toBe(0);
  });

  it('the output each session build replaced is gone once the session is closed (removed after the swap, not before it returns)', async () => {
    await build({ seedsDir: seeds, outDir: path.join(root, 'warm'), session, cache: false, workers: 0 });
    await closeSession(session);
    expect(readdirSync(root).filter((name) => name.startsWith('.warm'))).toEqual([]);
  });
});
