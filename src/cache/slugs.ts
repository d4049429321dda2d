/**
 * The previous build's article slugs (id → slug), kept in the build cache so that assignSlugs
 * (normalise/slug.ts) can keep an article's URL when a newcomer with the same title sorts before
 * it (test/regressions/slug-stability.test.ts). A missing or unreadable file means "no previous
 * build": slugs are then assigned from scratch, exactly as without the cache. Written atomically.
 */
import { readFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the file format changes. */
const FORMAT = 1;
const FILE = 'slugs.json';

export async function loadSlugs(dir: string): Promise<Map<string, string> | undefined> {
  let stored: unknown;
  try {
    stored = JSON.parse(await readFile(path.join(dir, FILE), 'utf8'));
  } catch {
    return undefined;
  }
  // Written by saveSlugs below; anything else (corrupt, foreign, older format) is checked and ignored.
  const s = stored as { format?: unknown; slugs?: unknown };
  if (s === null || typeof s !== 'object' || s.format !== FORMAT || !Array.isArray(s.slugs)) return undefined;
  const map = new Map<string, string>();
  for (const entry of s.slugs as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return undefined;
    map.set(entry[0], entry[1]);
  }
  return map;
}

export async function saveSlugs(dir: string, records: readonly { id: string; slug: string }[]): Promise<void> {
  const slugs = records.map((r) => [r.id, r.slug]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, FILE);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify({ format: FORMAT, slugs }));
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
