/**
 * Front matter → `declared`: only known keys with usable values survive; everything else is a
 * located diagnostic. Decisions:
 *  - `title: 42` (YAML reads a number): coerced to the string "42" with a warning, because the
 *    editor evidently meant that text; other non-strings (lists, maps, booleans) are dropped.
 *  - `date` is read from the raw front matter text, as written: js-yaml turns
 *    `2019-04-26T07:15:00+10:00` into a Date in UTC (25 April), which is the wrong calendar day.
 *  - `slug` is slugified (never a path); `publisher` must be a non-empty string.
 *  - unknown keys are ignored with an info diagnostic.
 */
import type { Declared } from '../model/article.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import type { RawDocument } from '../model/raw.ts';
import { slugify } from './slug.ts';

const KNOWN = new Set(['title', 'date', 'publisher', 'slug']);

/** 1-based file line of `key:` in the front matter (the opening fence is line 1). */
function keyLine(raw: string, key: string): number | undefined {
  const lines = raw.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`"${key}":`) || l.startsWith(`'${key}':`));
  return i === -1 ? undefined : i + 2;
}

function validCalendarDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** The date exactly as written on the `date:` line: YYYY-MM-DD, ignoring time and offset. */
export function dateAsWritten(raw: string): { value?: string; written?: string } {
  const m = /^["']?date["']?:[ \t]*(.*)$/m.exec(raw);
  if (!m) return {};
  const written = (m[1] ?? '').trim().replace(/^["']|["']$/g, '');
  const d = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(written);
  if (!d) return { written };
  const [y, mo, da] = [Number(d[1]), Number(d[2]), Number(d[3])];
  return validCalendarDate(y, mo, da) ? { value: `${d[1]}-${d[2]}-${d[3]}`, written } : { written };
}

export function validateDeclared(doc: RawDocument): { declared: Declared; diagnostics: Diagnostic[] } {
  const declared: Declared = {};
  const diagnostics: Diagnostic[] = [];
  const fm = doc.frontMatter;
  const warn = (key: string, message: string, hint: string) => {
    const line = keyLine(doc.frontMatterRaw, key);
    diagnostics.push(diag(doc.sourceFile, 'warning', 'normalise', 'front-matter-type', message, line !== undefined ? { line, hint } : { hint }));
  };
  for (const key of Object.keys(fm).sort()) {
    if (KNOWN.has(key)) continue;
    const line = keyLine(doc.frontMatterRaw, key);
    diagnostics.push(diag(doc.sourceFile, 'info', 'normalise', 'front-matter-unknown-key', `Unbekannter Front-Matter-Schlüssel „${key}“ ignoriert`, line !== undefined ? { line, hint: 'bekannt sind: title, date, publisher, slug' } : { hint: 'bekannt sind: title, date, publisher, slug' }));
  }
  const title = fm['title'];
  if (typeof title === 'string' && title.trim() !== '') declared.title = title.trim().replace(/\s+/g, ' ');
  else if (typeof title === 'number' && Number.isFinite(title)) {
    declared.title = String(title);
    warn('title', `title ist eine Zahl (${title}); als Text „${declared.title}“ übernommen`, 'Titel in Anführungszeichen setzen');
  } else if (title !== undefined) warn('title', 'title ist kein Text; ignoriert', 'title: "Überschrift" schreiben');

  if (fm['date'] !== undefined) {
    const d = dateAsWritten(doc.frontMatterRaw);
    if (d.value) declared.date = d.value;
    else warn('date', `date „${d.written ?? String(fm['date'])}“ ist kein Kalenderdatum; ignoriert`, 'date: JJJJ-MM-TT schreiben, z. B. 2024-06-19');
  }
  const publisher = fm['publisher'];
  if (typeof publisher === 'string' && publisher.trim() !== '') declared.publisher = publisher.trim();
  else if (publisher !== undefined) warn('publisher', 'publisher ist kein Text; ignoriert', 'publisher: "Name des Mediums" schreiben');

  const slug = fm['slug'];
  if (typeof slug === 'string' || typeof slug === 'number') {
    const s = slugify(String(slug));
    if (s) declared.slug = s;
    else warn('slug', `slug „${String(slug)}“ ergibt keinen gültigen Namen; ignoriert`, 'slug aus Buchstaben, Ziffern und Bindestrichen');
  } else if (slug !== undefined) warn('slug', 'slug ist kein Text; ignoriert', 'slug: mein-artikel schreiben');
  return { declared, diagnostics };
}
