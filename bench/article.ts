/**
 * One synthetic article from the seed pools: recombined paragraphs, renamed secondary people,
 * a date and publisher expressed the ways the seeds express them, and the seeds' kinds of noise
 * (duplicated captions with credits, PREV/NEXT teasers, widgets, © lines, glued words, "-" rules,
 * single-newline paragraphs). Article i depends only on (seed, i), so the 1 000 corpus is the
 * first 1 000 articles of the 10 000 one, and generation order does not matter.
 */
import type { SeedPool } from './seed-pool.ts';
import type { Vocab } from './vocab.ts';

export interface SynthArticle {
  /** File name without extension, shaped like the seeds: `000123_0a1b2c3d4e5f6071`. */
  name: string;
  format: 'txt' | 'md';
  /** The messy input file for presseschau. */
  raw: string;
  /** The same text as plain Markdown with front matter, for Eleventy and Hugo. */
  plain: string;
}

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for choosing paragraphs; deterministic across platforms. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const FIRST_DAY = Date.UTC(2023, 8, 1);
const DAYS = 488; // 2023-09-01 … 2024-12-31: the span of the seeds' two summits and after

export interface GeneratorContext {
  pool: SeedPool;
  vocab: Vocab;
  /** Matches every spelling of a secondary person, longest first. */
  peopleRe: RegExp;
  lastByFull: Map<string, number>;
}

export function makeContext(pool: SeedPool, vocab: Vocab): GeneratorContext {
  const surfaces: [string, number][] = [];
  vocab.people.forEach((p, i) => surfaces.push([p.full, i], [p.last, i]));
  surfaces.sort((a, b) => b[0].length - a[0].length);
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const peopleRe = new RegExp(`(?<![\\p{L}-])(${surfaces.map(([s]) => escape(s)).join('|')})(?![\\p{L}-])`, 'gu');
  return { pool, vocab, peopleRe, lastByFull: new Map(surfaces) };
}

export function makeArticle(i: number, seed: number, ctx: GeneratorContext): SynthArticle {
  const rng = mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T; // lists are validated non-empty
  const chance = (p: number) => rng() < p;
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const { pool, vocab } = ctx;

  const hex = Array.from({ length: 4 }, () => Math.floor(rng() * 0x10000).toString(16).padStart(4, '0')).join('');
  const name = `${String(i).padStart(6, '0')}_${hex}`;
  const day = new Date(FIRST_DAY + int(0, DAYS - 1) * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()];
  const iso = `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const publisher = pick(vocab.publishers);
  const agency = pick(vocab.agencies);

  // Rename some secondary people consistently within the article.
  const renamed = vocab.people.map(() => (chance(0.7) ? { first: pick(vocab.firstNames), last: pick(vocab.lastNames) } : null));
  const rename = (text: string) =>
    text.replace(ctx.peopleRe, (surface: string) => {
      const idx = ctx.lastByFull.get(surface) ?? -1;
      const r = renamed[idx];
      if (!r) return surface;
      return surface.includes(' ') ? `${r.first} ${r.last}` : r.last;
    });
  const glue = (text: string) => {
    // Machine translation glues a word to the next capitalised one ("Putinwird", "Kremlberater").
    const spots: number[] = [];
    for (let k = text.indexOf(' '); k !== -1 && spots.length < 40; k = text.indexOf(' ', k + 1)) if (/[A-ZÄÖÜa-zäöü]/.test(text[k + 1] ?? '')) spots.push(k);
    if (spots.length === 0) return text;
    const at = pick(spots);
    return text.slice(0, at) + text.slice(at + 1);
  };
  const caption = () => {
    const c = `${rename(pick(pool.captions))} ${pick(vocab.credits)}`;
    return chance(0.75) ? [c, c] : [c];
  };

  let title = rename(chance(0.5) ? pick(pool.titles) : chance(0.5) ? pick(pool.headings) : firstWords(pick(pool.paragraphs), int(6, 12)));
  if (chance(0.3)) title = `${title} (${int(2, 99)})`; // keeps titles (and slugs) from colliding too often
  const body: string[] = [];
  const n = int(8, 16);
  const glued = new Set<number>(Array.from({ length: int(0, 2) }, () => int(0, n - 1)));
  const used = new Set<string>();
  for (let k = 0; k < n; k++) {
    let source = pick(pool.paragraphs);
    for (let tries = 0; used.has(source) && tries < 4; tries++) source = pick(pool.paragraphs);
    used.add(source);
    let p = rename(source);
    if (glued.has(k)) p = glue(p);
    if (k === 0 && chance(0.25)) p = `${pick(vocab.places)}, ${d}. ${MONTHS[m]} ${y} (${agency}) – ${p}`;
    if (k > 2 && chance(0.12)) body.push(rename(pick(pool.headings)));
    if (chance(0.12)) body.push(...caption());
    body.push(p);
  }
  if (chance(0.2)) body.push(`(mit Informationen von ${agency})`);

  const head: string[] = [];
  const dateStyle = rng();
  if (dateStyle < 0.15) head.push(`Heute um ${int(6, 23)}:${String(int(0, 59)).padStart(2, '0')} Uhr veröffentlicht.`);
  else if (dateStyle < 0.35) head.push(`Veröffentlicht am ${String(d).padStart(2, '0')}.${String(m + 1).padStart(2, '0')}.${y} um ${int(6, 23)}:${String(int(0, 59)).padStart(2, '0')} Uhr`);
  if (chance(0.25)) head.push(pick(vocab.widgets), pick(vocab.widgets));
  if (chance(0.3)) head.unshift(...caption());
  if (chance(0.2)) head.unshift('-');

  const tail: string[] = [];
  if (chance(0.3)) tail.push(...Array.from({ length: int(1, 4) }, () => pick(vocab.widgets)));
  if (chance(0.25)) tail.push(`© ${publisher}`);
  else if (chance(0.15)) tail.push(agency);
  if (chance(0.35)) tail.push('-', `PREV ${pick(vocab.teasers)}`, `NEXT ${pick(vocab.teasers)}`);

  const lines = [...head, ...body, ...tail];
  const plain = `---\ntitle: ${JSON.stringify(title)}\ndate: ${iso}\n---\n\n${lines.join('\n\n')}\n`;
  if (chance(0.3)) {
    // Markdown with (partial) front matter, as an editor would save it.
    const fm: string[] = [];
    const titleInFm = chance(0.7);
    if (titleInFm) fm.push(`title: ${JSON.stringify(title)}`);
    if (chance(0.6)) fm.push(`date: ${iso}`);
    if (chance(0.4)) fm.push(`publisher: ${JSON.stringify(publisher)}`);
    const md = lines.map((l) => (pool.headings.includes(l) ? `## ${l}` : l));
    const text = `${fm.length ? `---\n${fm.join('\n')}\n---\n\n` : ''}${titleInFm ? '' : `# ${title}\n\n`}${md.join('\n\n')}\n`;
    return { name, format: 'md', raw: text, plain };
  }
  const titleLine = chance(0.15) ? `${title} – ${publisher.toUpperCase()}` : title;
  const sep = chance(0.2) ? '\n' : '\n\n'; // seed 002 separates paragraphs by single newlines
  const raw = `${titleLine}\n\n${lines.join(sep)}${chance(0.5) ? '\n' : ''}`;
  return { name, format: 'txt', raw, plain };
}

function firstWords(text: string, n: number): string {
  return text.split(/\s+/).slice(0, n).join(' ').replace(/[,;:–-]+$/, '');
}
