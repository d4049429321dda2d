/**
 * Explicit publication lines: "Stand: 19.06.2024 14:32 Uhr", "Veröffentlicht am …", "Erstellt: …",
 * a bare date line under the title, "Brüssel, 28. Oktober 2024 –". Update lines ("Aktualisiert …"),
 * teasers and programme footers name dates too, but not the day the article appeared.
 */
import { findDates, type DateMention } from './find.ts';
import { alternation, vocab } from './vocab.ts';

export type LineVerdict =
  | { kind: 'date'; date: string; mention: DateMention; label: string | null }
  /** "Heute um 19:58 Uhr veröffentlicht": a publication line whose day is relative to when it was read. */
  | { kind: 'relative'; mention: DateMention; label: string };

interface Label { start: number; end: number; text: string; update: boolean }

const LABEL_RE = new RegExp(
  `(?<![\\p{L}])(${alternation([...vocab.publishedLabels, ...vocab.updateLabels])})(?![\\p{L}])`,
  'gu',
);
const UPDATE = new Set(vocab.updateLabels);
const NOT_PUBLICATION = vocab.notPublicationLines.map((s) => s.toLowerCase());
/** "Brüssel, 28. Oktober 2024 –" / "Berlin (dpa), 19.06.2024 -": place, optional agency, date, dash. */
const DATELINE_HEAD = /^\p{Lu}[\p{L} .\-/]{1,40}?(?:\s*\([^)]{1,20}\))?,\s*$/u;
const DATELINE_TAIL = /^\s*(?:\([^)]{1,20}\)\s*)?[–—-]\s/u;

const MAY_DATE_LINE = new RegExp(`\\d|${alternation(vocab.relativeDays.map((r) => r.word))}`, 'iu');

function labels(line: string): Label[] {
  const out: Label[] = [];
  LABEL_RE.lastIndex = 0;
  for (let m = LABEL_RE.exec(line); m; m = LABEL_RE.exec(line)) {
    const text = m[1] ?? '';
    out.push({ start: m.index, end: m.index + m[0].length, text, update: UPDATE.has(text) });
  }
  return out;
}

/** The label that governs a date: the nearest one before it, else the nearest one after it. */
function governing(ls: Label[], d: DateMention): Label | undefined {
  let before: Label | undefined;
  for (const l of ls) if (l.start < d.start) before = l; // "Veröffentlicht am" overlaps the date's own "am"
  return before ?? ls.find((l) => l.start >= d.end);
}

/** Is what is left of the line, without its dates, only punctuation and filler ("Uhr", "|")? */
function onlyDates(line: string, ds: DateMention[]): boolean {
  let rest = line;
  for (const d of [...ds].sort((a, b) => b.start - a.start)) rest = rest.slice(0, d.start) + rest.slice(d.end);
  return rest.replace(/[\s,.;:|·–—\-()]+|Uhr/g, '').length === 0;
}

/**
 * Read one line (a removed line, or the head of one of the first blocks). `strictHead`: for body
 * blocks only a line that is nothing but a date, or starts with a label or a dateline, counts.
 */
export function readDateLine(line: string, strictHead: boolean): LineVerdict | undefined {
  const text = line.trim();
  // A verdict needs a full date (digits in every pattern that yields one) or a relative day word:
  // without either, findDates has nothing to offer here.
  if (text === '' || !MAY_DATE_LINE.test(text)) return undefined;
  const lower = text.toLowerCase();
  if (NOT_PUBLICATION.some((p) => lower.startsWith(p))) return undefined;
  const ds = findDates(text);
  if (ds.length === 0) return undefined;
  const ls = labels(text);
  for (const d of ds) {
    const label = governing(ls, d);
    if (label?.update) continue;
    if (d.date !== undefined) {
      if (label) {
        // In body text a label counts only at the head of a short line, not inside a sentence.
        if (strictHead && ls[0]?.start !== 0 && text.length > 80) continue;
        return { kind: 'date', date: d.date, mention: d, label: label.text };
      }
      if (onlyDates(text, ds.filter((x) => x.kind === 'full' || x.kind === 'time'))) return { kind: 'date', date: d.date, mention: d, label: null };
      if (DATELINE_HEAD.test(text.slice(0, d.start)) && DATELINE_TAIL.test(text.slice(d.end))) return { kind: 'date', date: d.date, mention: d, label: null };
      if (!strictHead && /^Von\s+\p{Lu}/u.test(text) && text.length <= 120) return { kind: 'date', date: d.date, mention: d, label: null };
    } else if (d.offsetDays !== undefined && label && !label.update) {
      return { kind: 'relative', mention: d, label: label.text };
    }
  }
  return undefined;
}
