/**
 * The page manifest: for each lazy page of the last build, its key and size, so the next build can
 * hard-link the unchanged ones instead of rendering them; for each plain page the hash of its
 * bytes, so an unchanged one is linked without reading the previous file back (write/index.ts); for a
 * file made of keyed parts (api/articles.json) also where each part lies, so the next build copies
 * the unchanged parts' bytes from the previous file instead of making them again. It is only believed for
 * the output folder it was written for — identified by inode and birth time, which the staging
 * folder carries into the output with the rename — and for the same salt (pipeline version,
 * theme, knowledge). A manifest from a build killed between swap and save, a hand-replaced output
 * folder or an older code version is therefore ignored, never trusted. Written atomically.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Bump when the file format changes. */
const FORMAT = 2;

/**
 * Where the keyed parts of a file made of parts lie in it (api/articles.json: one part per record):
 * the first part starts at byte `start`, each of the others right after the one before.
 */
export interface PartsLayout {
  start: number;
  keys: string[];
  lengths: number[];
}

export interface ManifestEntry {
  key: string;
  size: number;
  parts?: PartsLayout;
}

export interface PageManifest {
  pages: Map<string, ManifestEntry>;
}

interface Stored {
  format: number;
  folder: string;
  salt: string;
  pages: ([string, string, number] | [string, string, number, PartsLayout])[];
}

function isLayout(v: unknown, size: number): v is PartsLayout {
  if (v === null || typeof v !== 'object') return false;
  const l = v as Partial<PartsLayout>;
  if (typeof l.start !== 'number' || !Array.isArray(l.keys) || !Array.isArray(l.lengths) || l.keys.length !== l.lengths.length) return false;
  let end = l.start;
  for (let i = 0; i < l.keys.length; i++) {
    const n = l.lengths[i];
    if (typeof l.keys[i] !== 'string' || typeof n !== 'number' || !Number.isInteger(n) || n < 0) return false;
    end += n;
  }
  return Number.isInteger(l.start) && l.start >= 0 && end <= size;
}

/** Identity of a folder: inode + birth time (ctime where the file system keeps no birth time). */
function folderId(dir: string): string | undefined {
  const st = statSync(dir, { throwIfNoEntry: false, bigint: true });
  if (!st?.isDirectory()) return undefined;
  return `${st.dev}:${st.ino}:${st.birthtimeNs || st.ctimeNs}`;
}

export function loadManifest(file: string, outDir: string, salt: string): PageManifest | undefined {
  const folder = folderId(outDir);
  if (folder === undefined) return undefined;
  let stored: Partial<Stored>;
  try {
    // Written by saveManifest below; anything else (corrupt, foreign, older format) is checked field by field.
    stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<Stored>;
  } catch {
    return undefined;
  }
  if (stored.format !== FORMAT || stored.folder !== folder || stored.salt !== salt || !Array.isArray(stored.pages)) return undefined;
  const pages = new Map<string, ManifestEntry>();
  for (const entry of stored.pages) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string' || typeof entry[2] !== 'number') return undefined;
    if (entry.length > 3 && !isLayout(entry[3], entry[2])) return undefined;
    pages.set(entry[0], { key: entry[1], size: entry[2], ...(entry[3] !== undefined ? { parts: entry[3] } : {}) });
  }
  return { pages };
}

export async function saveManifest(file: string, outDir: string, salt: string, manifest: PageManifest): Promise<void> {
  const folder = folderId(outDir);
  if (folder === undefined) return;
  const stored: Stored = { format: FORMAT, folder, salt, pages: [...manifest.pages].map(([p, v]) => (v.parts ? [p, v.key, v.size, v.parts] : [p, v.key, v.size])) };
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, JSON.stringify(stored));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
