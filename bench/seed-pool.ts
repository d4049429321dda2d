/**
 * Splits the seed texts into pools the generator recombines: titles, body paragraphs, captions
 * (the lines the scrapers printed twice), and sub-headings. Noise is not taken from the seeds
 * here but from bench/vocab.yml, so the generator decides where noise goes and how much.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Vocab } from './vocab.ts';

export interface SeedPool {
  titles: string[];
  paragraphs: string[];
  captions: string[];
  headings: string[];
  /** Each seed file name with its bytes, for the corpus cache key. */
  files: { name: string; bytes: Buffer }[];
}

const PARAGRAPH_MIN = 80;

export function readSeedPool(seedsDir: string, vocab: Vocab): SeedPool {
  const names = readdirSync(seedsDir).filter((n) => n.endsWith('.txt')).sort();
  if (names.length === 0) throw new Error(`${seedsDir}: keine Seed-Texte (*.txt) gefunden; --seeds prüfen`);
  const pool: SeedPool = { titles: [], paragraphs: [], captions: [], headings: [], files: [] };
  const noise = new Set(vocab.widgets);
  const credits = vocab.credits;
  for (const name of names) {
    const bytes = readFileSync(path.join(seedsDir, name));
    pool.files.push({ name, bytes });
    const lines = bytes.toString('utf8').replace(/\r\n?/g, '\n').split('\n').map((l) => l.trim());
    const nonEmpty = lines.filter((l) => l !== '');
    const title = nonEmpty[0];
    if (title !== undefined) pool.titles.push(title.replace(/\s+[–-]\s+[A-ZÄÖÜ]{3,}$/, ''));
    for (let i = 1; i < nonEmpty.length; i++) {
      const l = nonEmpty[i] ?? '';
      if (l === title || noise.has(l) || /^(PREV|NEXT)\b|^©|^-$|^\(mit Informationen/.test(l)) continue;
      if (l === nonEmpty[i + 1]) {
        // A duplicated line is a caption; keep its text without the credit, the generator adds one.
        pool.captions.push(stripCredit(l, credits));
        i++;
      } else if (l.length >= PARAGRAPH_MIN) pool.paragraphs.push(l);
      else if (l.length >= 12 && !/[.:]$/.test(l) && !/^\d/.test(l)) pool.headings.push(l.replace(/^[“”"„]+|[“”"„]+$/g, ''));
    }
  }
  for (const [k, v] of Object.entries(pool)) {
    if (k !== 'files' && (v as unknown[]).length === 0) throw new Error(`${seedsDir}: Seeds liefern keine ${k}; die Seed-Texte sind zu kurz für den Generator`);
  }
  return pool;
}

function stripCredit(caption: string, credits: readonly string[]): string {
  for (const c of credits) if (caption.endsWith(c)) return caption.slice(0, -c.length).trim();
  return caption.replace(/\s+\S+\/\S+.*$/, '').trim() || caption;
}
