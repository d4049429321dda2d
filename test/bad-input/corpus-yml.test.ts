/** corpus.yml mistakes stop the build with file, line and a hint (wrong knowledge would mislabel every article). */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, BuildError } from '../../src/build.ts';
import { GOOD, tempDir } from './corpus.ts';

let work: string;
beforeAll(() => {
  work = tempDir('yml');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function failWith(yml: string): Promise<BuildError> {
  const seeds = path.join(work, String(Math.random()).slice(2));
  mkdirSync(seeds);
  writeFileSync(path.join(seeds, 'a.txt'), GOOD);
  writeFileSync(path.join(seeds, 'corpus.yml'), yml);
  const error = await build({ seedsDir: seeds, outDir: path.join(seeds, '..', 'out'), write: false }).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(BuildError);
  return error as BuildError;
}

const ENTITY = (id: string) => `  - id: ${id}\n    name: Wladimir Putin\n    type: person\n`;

describe('corpus.yml', () => {
  it('an unknown key is an error on its line', async () => {
    const e = await failWith('site:\n  title: Presseschau\n  tilte: Tippfehler\n');
    expect(e.diagnostics).toContainEqual(expect.objectContaining({ file: 'corpus.yml', line: 3, severity: 'error', ruleId: 'corpus-schema' }));
    expect(e.diagnostics[0]!.message).toContain('tilte');
    expect(e.diagnostics[0]!.hint).toBeTruthy();
  });

  it('a duplicate entity id is an error on the second occurrence', async () => {
    const e = await failWith(`site:\n  title: Presseschau\nentities:\n${ENTITY('putin')}${ENTITY('putin')}`);
    const d = e.diagnostics.find((x) => x.ruleId === 'duplicate-id');
    expect(d).toMatchObject({ file: 'corpus.yml', line: 7, severity: 'error' });
    expect(d!.hint).toBeTruthy();
  });

  it('broken YAML is an error with its line', async () => {
    const e = await failWith('site:\n  title: [offen\n');
    expect(e.diagnostics[0]).toMatchObject({ file: 'corpus.yml', severity: 'error', ruleId: 'corpus-yaml' });
    expect(e.diagnostics[0]!.line).toBeGreaterThanOrEqual(2);
  });
});
