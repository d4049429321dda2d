/**
 * Issue 5, "bad input gets a clear diagnostic and loses nothing": one generated corpus with
 * every case, built in memory. Each case asserts the rule id, the location where known and
 * that the editor is told what to do (hint).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildResult } from '../../src/build.ts';
import type { Diagnostic } from '../../src/model/diagnostic.ts';
import { CASES, LINES, makeBadCorpus } from './corpus.ts';

let dir: string;
let result: BuildResult;
let ms = 0;

beforeAll(async () => {
  dir = makeBadCorpus();
  const t = performance.now();
  result = await build({ seedsDir: dir, outDir: '/nonexistent-never-written', write: false });
  ms = performance.now() - t;
  console.log(`bad-input corpus (${result.files.length} candidates, incl. ${LINES} lines file): ${Math.round(ms)} ms`, result.timings);
}, 90_000); // the 100 000-line file alone took ≈ 15 s through the real normaliser + enrich (measured)
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const diagsOf = (file: string): Diagnostic[] => result.diagnostics.filter((d) => d.file === file);
const articleOf = (file: string) => result.records.find((r) => r.sourceFile === file);

/** A refused file: not an article, exactly one warning with this rule, and a hint. */
function expectRefused(file: string, ruleId: string): Diagnostic {
  expect(articleOf(file), `${file} must not become an article`).toBeUndefined();
  const d = diagsOf(file).find((x) => x.ruleId === ruleId);
  expect(d, `${file}: expected ${ruleId}, got ${JSON.stringify(diagsOf(file))}`).toBeDefined();
  expect(d!.severity).toBe('warning');
  expect(d!.stage).toBe('ingest');
  expect(d!.hint ?? '').not.toBe('');
  return d!;
}

describe('every input file is an article or has a reason', () => {
  it('accounts for every candidate', () => {
    for (const f of result.files) {
      const ok = articleOf(f) !== undefined || diagsOf(f).some((d) => d.severity !== 'info');
      expect(ok, `${f} vanished without a diagnostic`).toBe(true);
    }
    expect(result.diagnostics.filter((d) => d.ruleId === 'unaccounted-file')).toEqual([]);
  });
  it('lists non-article entries as info instead of dropping them silently', () => {
    expect(diagsOf('bild.jpg').map((d) => d.ruleId)).toEqual(['ignored-file']);
    expect(diagsOf('root-link').map((d) => d.ruleId)).toEqual(['symlink-not-followed']);
  });
  it('builds the valid articles (exit 0 path)', () => {
    expect(result.ok).toBe(true);
    expect(articleOf(CASES.good)).toBeDefined();
  });
});

describe('refused files', () => {
  it.each([
    ['empty', CASES.empty, 'empty'],
    ['whitespace only', CASES.whitespace, 'empty'],
    ['binary', CASES.binary, 'binary'],
    ['20 MB text', CASES.huge, 'too-large'],
    ['symlink outside seeds/', CASES.outside, 'symlink-outside'],
    ['dangling symlink (unreadable)', CASES.dangling, 'unreadable'],
    ['named pipe (would block a read forever)', CASES.pipe, 'not-a-file'],
  ])('%s', (_name, file, rule) => {
    expectRefused(file, rule);
  });

  it('invalid UTF-8 names line and column of the bad byte', () => {
    const d = expectRefused(CASES.latin1, 'invalid-utf8');
    expect(d).toMatchObject({ line: 2, column: 8 });
    expect(d.message).toContain('0xc4');
  });

  it('20 MB text: message gives size and limit', () => {
    expect(expectRefused(CASES.huge, 'too-large').message).toMatch(/20\.0 MiB.*8 MiB/);
  });
});

describe('decoded or kept with a warning', () => {
  it.each([CASES.utf16le, CASES.utf16be])('UTF-16 with BOM is decoded (%s)', (file) => {
    const a = articleOf(file);
    // Title choice is the normaliser's business (it differs for .md); the decoded text must all be there.
    const all = JSON.stringify([a?.title, a?.blocks]);
    expect(all).toContain('Kim in Wladiwostok');
    expect(all).toContain('Ärger über Sanktionen');
    expect(diagsOf(file).map((d) => [d.severity, d.ruleId])).toContainEqual(['info', 'encoding']);
  });

  it(`a file of ${LINES} lines is processed in bounded time`, () => {
    const a = articleOf(CASES.lines);
    expect(a).toBeDefined();
    expect(JSON.stringify(result.site?.blocksOf(a!))).toContain(`Zeile ${LINES - 1}:`); // the digest keeps only the lede and passages
    expect(ms).toBeLessThan(60_000); // bounded, not fast: see the timing printed above
  });

  it('broken YAML front matter: warning with line, file kept without front matter', () => {
    const d = diagsOf(CASES.badYaml).find((x) => x.ruleId === 'front-matter-yaml');
    expect(d?.line).toBeGreaterThanOrEqual(2);
    expect(d?.line).toBeLessThanOrEqual(5);
    expect(d?.hint).toBeTruthy();
    expect(articleOf(CASES.badYaml)?.declared).toEqual({});
  });

  it('front matter with wrong types: located warnings, bad date ignored', () => {
    const a = articleOf(CASES.wrongTypes);
    expect(a).toBeDefined();
    expect(a!.declared.date).toBeUndefined();
    expect(a!.published?.date ?? '').not.toContain('gestern');
    const warned = diagsOf(CASES.wrongTypes).filter((d) => d.severity === 'warning');
    expect(warned.map((d) => d.line)).toEqual(expect.arrayContaining([2, 3])); // date on line 2, title on line 3
    expect(a!.declared.title === undefined || a!.declared.title === '42').toBe(true); // coerced with a warning, never a number
  });
});

describe('names and slugs', () => {
  const slugRe = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  it('file names with spaces, umlauts and shell metacharacters become path-safe ids and pages', () => {
    for (const file of [CASES.dupA, CASES.umlaut, CASES.shell, CASES.dashes]) {
      const a = articleOf(file);
      expect(a, file).toBeDefined();
      expect(a!.id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]*$/);
      expect(a!.path).toMatch(/^artikel\/[a-z0-9-]+\.html$/);
      expect(result.pages!.has(a!.path)).toBe(true);
    }
    expect(articleOf(CASES.umlaut)!.slug).toBe('aerger-im-kreml');
  });

  it('two files mapping to one id get distinct ids, with a warning', () => {
    const a = articleOf(CASES.dupA)!;
    const b = articleOf(CASES.dupB)!;
    expect(b.id).toBe('Gipfel-a'); // the file whose name is the id keeps it
    expect(a.id).toMatch(/^Gipfel-a-[0-9a-f]{6}$/);
    expect(diagsOf(CASES.dupA).map((d) => d.ruleId)).toContain('duplicate-id');
  });

  it('duplicate titles get unique slugs', () => {
    const slugs = result.records.map((r) => r.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.filter((s) => s.startsWith('gipfel-in-moskau'))).toHaveLength(2);
  });

  it.each([CASES.punct, CASES.emoji])('a title without letters gets a fallback slug (%s)', (file) => {
    const a = articleOf(file)!;
    expect(a.slug).toMatch(slugRe);
    expect(a.slug.length).toBeGreaterThan(3);
  });

  it('all ids and slugs are unique across the corpus', () => {
    const ids = result.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of result.records) expect(r.slug).toMatch(slugRe);
  });
});
