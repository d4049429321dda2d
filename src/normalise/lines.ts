/**
 * Plain-text layout: source lines → units (paragraph candidates, list items, block quotes),
 * and units → paragraphs. Blank lines separate units; inside a unit, hard-wrapped lines are
 * rejoined, while a file that puts one whole paragraph on each line (no blank lines) keeps
 * one paragraph per line. Everything here is linear in the input.
 */

/** One trimmed source line with its 1-based line number in the original file. */
export interface SrcLine {
  text: string;
  line: number;
}

export type UnitKind = 'text' | 'list-item' | 'blockquote' | 'heading' | 'caption';

/** A run of lines that becomes (at most) one block; `lines` are joined with spaces. */
export interface Unit {
  kind: UnitKind;
  lines: SrcLine[];
}

export function toSrcLines(text: string, lineOffset: number): SrcLine[] {
  return text.split('\n').map((t, i) => ({ text: t.trim(), line: i + 1 + lineOffset }));
}

export const unitText = (u: Unit): string => u.lines.map((l) => l.text).join(' ').replace(/ {2,}/g, ' ').trim();

const BULLET = /^[-•*▪◦·‣]\s+(?=\S)/u;
const NUMBERED = /^\d{1,2}[.)]\s+(?=\S)/u;
const QUOTE = /^>\s?/u;
/** Sentence end, optionally followed by closing quotes or a bracket. */
const SENTENCE_END = /[.!?…:]["“”»«’)\]]*$/u;
const STARTS_UPPER = /^["„“»«‚'(\[]?[\p{Lu}\d]/u;

export const endsSentence = (s: string): boolean => SENTENCE_END.test(s);

/**
 * Group kept lines into units. `kept[i]` false means the line was consumed (title) or removed:
 * such a line separates units like a blank line does. `raw` is the untrimmed text, used only
 * to see indentation (a list item's continuation lines are indented).
 */
export function groupUnits(lines: readonly SrcLine[], kept: readonly boolean[], raw: readonly string[]): Unit[] {
  const units: Unit[] = [];
  let current: Unit | undefined;
  const isNumbered = (i: number) => kept[i] === true && NUMBERED.test(lines[i]?.text ?? '');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!kept[i] || l.text === '') {
      current = undefined;
      continue;
    }
    if (QUOTE.test(l.text)) {
      const text = l.text.replace(QUOTE, '').trim();
      if (current?.kind === 'blockquote') current.lines.push({ text, line: l.line });
      else units.push((current = { kind: 'blockquote', lines: text ? [{ text, line: l.line }] : [] }));
      continue;
    }
    // A numbered line is a list item only next to another numbered line: "13. September 2023
    // trafen …" at the start of a wrapped line is prose.
    const numbered = NUMBERED.test(l.text) && (isNumbered(i - 1) || isNumbered(i + 1) || current?.kind === 'list-item');
    if (BULLET.test(l.text) || numbered) {
      const text = l.text.replace(BULLET, '').replace(NUMBERED, '').trim();
      units.push((current = { kind: 'list-item', lines: [{ text, line: l.line }] }));
      continue;
    }
    const indented = /^\s/.test(raw[i] ?? '');
    if (current && (current.kind !== 'list-item' || indented)) current.lines.push(l);
    else units.push((current = { kind: 'text', lines: [l] }));
  }
  return units.filter((u) => u.lines.some((l) => l.text !== ''));
}

/**
 * Split a text unit into paragraphs. A unit whose lines mostly end mid-sentence is hard-wrapped:
 * its lines are one paragraph, except where a line stops well short of the wrap width before a
 * capitalised line (a paragraph or heading ended there). Otherwise each line that ends a sentence,
 * or is a short heading-like line before a capitalised line, closes a paragraph.
 */
export function splitParagraphs(unit: Unit): Unit[] {
  if (unit.kind !== 'text' || unit.lines.length < 2) return [unit];
  const lines = unit.lines;
  const inner = lines.slice(0, -1);
  const width = Math.max(...inner.map((l) => l.text.length));
  const midSentence = inner.filter((l) => !endsSentence(l.text)).length;
  const wrapped = width <= 120 && midSentence * 2 >= inner.length;
  const out: Unit[] = [];
  let cur: SrcLine[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    cur.push(l);
    const next = lines[i + 1];
    if (!next) break;
    const nextStartsUpper = STARTS_UPPER.test(next.text);
    let brk: boolean;
    if (wrapped) brk = nextStartsUpper && l.text.length < width * 0.6 && (endsSentence(l.text) || cur.length === 1);
    else brk = nextStartsUpper && (endsSentence(l.text) || (l.text.length <= 80 && next.text.length > l.text.length * 1.5));
    if (brk) {
      out.push({ kind: 'text', lines: cur });
      cur = [];
    }
  }
  if (cur.length) out.push({ kind: 'text', lines: cur });
  return out;
}
