/**
 * readInputSync with the build's folder cache (one realpath per folder, one lstat per file) must
 * refuse exactly what it refuses without: links out of the corpus, folders that lead out of it,
 * dangling links, things that are no files.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputSync, type FolderCache } from '../../src/ingest/index.ts';

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'presseschau-read-'));
  root = path.join(base, 'seeds');
  outside = path.join(base, 'draussen');
  mkdirSync(path.join(root, 'unter'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(root, 'a.txt'), 'Putin trifft Kim.');
  writeFileSync(path.join(root, 'unter', 'b.txt'), 'Noch ein Artikel.');
  writeFileSync(path.join(outside, 'geheim.txt'), 'nicht im Korpus');
  symlinkSync(path.join(outside, 'geheim.txt'), path.join(root, 'link-raus.txt'));
  symlinkSync(path.join(root, 'a.txt'), path.join(root, 'link-drin.txt'));
  symlinkSync(outside, path.join(root, 'ordner-raus'));
  symlinkSync(path.join(root, 'fehlt.txt'), path.join(root, 'kaputt.txt'));
  mkdirSync(path.join(root, 'ordner.txt'));
});
afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

const CASES: [string, string | null][] = [
  ['a.txt', null],
  ['unter/b.txt', null],
  ['link-drin.txt', null],
  ['link-raus.txt', 'symlink-outside'],
  ['ordner-raus/geheim.txt', 'symlink-outside'],
  ['kaputt.txt', 'unreadable'],
  ['gibt-es-nicht.txt', 'unreadable'],
  ['ordner.txt', 'not-a-file'],
];

describe('readInputSync with a folder cache', () => {
  it.each(CASES)('%s', (file, refused) => {
    const folders: FolderCache = new Map();
    // twice with the same cache (the second read takes the folder from it), once without
    for (const read of [readInputSync(root, file, {}, folders), readInputSync(root, file, {}, folders), readInputSync(root, file)]) {
      if (refused === null) expect(read.bytes?.length).toBeGreaterThan(0);
      else expect(read.diagnostics?.map((d) => d.ruleId)).toEqual([refused]);
    }
  });

  it('looks each folder up once', () => {
    const folders: FolderCache = new Map();
    readInputSync(root, 'a.txt', {}, folders);
    readInputSync(root, 'link-drin.txt', {}, folders);
    readInputSync(root, 'unter/b.txt', {}, folders);
    expect([...folders.keys()].sort()).toEqual([root, path.join(root, 'unter')]);
  });
});
