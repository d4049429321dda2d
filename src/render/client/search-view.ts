/**
 * The result list, built with DOM APIs only: every piece of indexed (untrusted) text goes in
 * through textContent, hits are wrapped in <mark> elements we create ourselves.
 */
import type { SearchResult } from 'minisearch';
import { indexTerms, tokenize } from '../../index/search-text.ts';

/** One document as src/index/search.ts writes it into a chunk. */
export interface DocRow {
  k: string;
  t: string;
  p: string;
  d: string | null;
  s: string | null;
  x: string;
}

const KIND_LABEL: Readonly<Record<string, string>> = {
  artikel: 'Artikel',
  person: 'Person',
  ort: 'Ort',
  organisation: 'Organisation',
  ereignis: 'Ereignis',
};

const SAFE_PATH = /^[a-z0-9_][a-z0-9_./-]*\.html$/;

/** Words of context around the hits. */
const WINDOW = 30;

const dateFormat = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return iso;
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Append `text[from, to)` to `parent`, with every hit wrapped in <mark>. */
function appendMarked(parent: HTMLElement, text: string, from: number, to: number, matched: ReadonlySet<string>): void {
  let at = from;
  for (const t of tokenize(text.slice(from, to))) {
    const s = from + t.start;
    const e = from + t.end;
    if (!indexTerms(t.word).some((x) => matched.has(x))) continue;
    if (s > at) parent.append(document.createTextNode(text.slice(at, s)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(s, e);
    parent.append(mark);
    at = e;
  }
  if (to > at) parent.append(document.createTextNode(text.slice(at, to)));
}

/** How far back from a hit the passage may start to begin with its sentence. */
const LOOKBACK = 15;

/**
 * The passage of WINDOW words with the most different hits: [from, to) in `text`. It starts at
 * the hit's sentence when that begins within LOOKBACK words, else a few words before the hit.
 */
export function snippetRange(text: string, matched: ReadonlySet<string>): { from: number; to: number } {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { from: 0, to: 0 };
  const hitTerms = tokens.map((t) => indexTerms(t.word).filter((x) => matched.has(x)));
  const sentenceStart = (i: number) => {
    for (let j = i; j > Math.max(0, i - LOOKBACK); j--) {
      const before = tokens[j - 1];
      const gap = text.slice(before?.end ?? 0, tokens[j]?.start ?? 0);
      // "19. Juni", "3. Oktober": a period after a number is an ordinal, not a sentence end.
      const ordinal = before !== undefined && /^\d+$/.test(before.word) && /^\.\s*$/.test(gap);
      if (/[.!?:;\n]/.test(gap) && !ordinal) return j;
    }
    return i - LOOKBACK <= 0 ? 0 : Math.max(0, i - 5);
  };
  let best = 0;
  let bestScore = -1;
  for (let i = 0; i < tokens.length; i++) {
    if ((hitTerms[i] ?? []).length === 0) continue;
    const from = sentenceStart(i);
    const distinct = new Set(hitTerms.slice(from, from + WINDOW).flat()).size;
    if (distinct > bestScore) {
      bestScore = distinct;
      best = from;
    }
  }
  const startToken = tokens[best];
  const endToken = tokens[Math.min(tokens.length, best + WINDOW) - 1];
  if (!startToken || !endToken) return { from: 0, to: 0 };
  return { from: startToken.start, to: endToken.end };
}

/** The passage as a paragraph with the hits in <mark>s. */
export function snippet(text: string, matched: ReadonlySet<string>): HTMLElement {
  const p = document.createElement('p');
  p.className = 'treffer-auszug';
  const { from, to } = snippetRange(text, matched);
  if (to === 0) return p;
  if (from > 0) p.append('… ');
  appendMarked(p, text, from, to, matched);
  if (to < text.length) p.append(' …');
  return p;
}

export function renderResults(list: HTMLElement, results: SearchResult[], rows: DocRow[], reset: boolean): void {
  if (reset) list.replaceChildren();
  results.forEach((r, i) => {
    const row = rows[i];
    if (!row) return;
    const matched = new Set(r.terms);
    const li = document.createElement('li');
    li.className = 'treffer';
    const heading = document.createElement('h2');
    heading.className = 'treffer-titel';
    const a = document.createElement('a');
    // Paths come from our own build, but a link target is the one place text turns into
    // behaviour: only relative .html paths, never a scheme like javascript:.
    if (SAFE_PATH.test(row.p)) a.href = row.p;
    appendMarked(a, row.t, 0, row.t.length, matched);
    heading.append(a);
    const info = document.createElement('p');
    info.className = 'treffer-meta';
    info.textContent = [KIND_LABEL[row.k] ?? row.k, row.d ? formatDate(row.d) : null, row.s].filter(Boolean).join(' · ');
    li.append(heading, info, snippet(row.x, matched));
    list.append(li);
  });
}
