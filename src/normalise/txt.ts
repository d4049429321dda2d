/**
 * Plain-text documents: lines → boilerplate removed, title line found, duplicate lines dropped,
 * glued words repaired → units. The Markdown path (markdown.ts) produces the same `Prepared`.
 */
import type { Repair, RemovedLine } from '../model/article.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import type { RawDocument } from '../model/raw.ts';
import { applyLineRules } from './boilerplate.ts';
import { splitCredit } from './captions.ts';
import { groupUnits, toSrcLines, type SrcLine, type Unit } from './lines.ts';
import { lazyTokenCounts, MAX_REPAIRS, repairLine, type QuoteState, type RepairContext } from './repair.ts';
import { isHeadline, isTitleRepeat, splitPublisherSuffix, titleKey } from './title.ts';

export interface Prepared {
  units: Unit[];
  removed: RemovedLine[];
  repairs: Repair[];
  /** The headline line, when the text has one (already repaired). */
  titleLine?: SrcLine;
  /** Source lines of captions whose printed copy was dropped: they are captions for certain. */
  captionLines: Set<number>;
  diagnostics: Diagnostic[];
}

/** A repeated title line is a headline; longer lines are never compared. */
const TITLE_REPEAT_MAX = 400;

/** Keys under which a title repeats: the line as is, and without its publisher suffix. */
function titleKeys(title: string): Set<string> {
  return new Set([titleKey(title), titleKey(splitPublisherSuffix(title).title)].filter((k) => k !== ''));
}

export function prepareText(doc: RawDocument, declaredTitle: string | undefined): Prepared {
  const raw = doc.text.split('\n');
  const lines = toSrcLines(doc.text, doc.lineOffset);
  const hits = applyLineRules(lines);
  const removed: RemovedLine[] = [];
  const drop = new Map<number, string>();
  hits.forEach((rule, i) => rule && drop.set(i, rule.name));
  const diagnostics: Diagnostic[] = [];
  const isLive = (i: number) => lines[i]!.text !== '' && !drop.has(i);

  let titleIdx: number | undefined;
  if (declaredTitle === undefined) {
    const first = lines.findIndex((_l, i) => isLive(i));
    if (first !== -1) {
      const next = lines[first + 1];
      const nextInGroup = next && isLive(first + 1) ? next.text : undefined;
      if (isHeadline(lines[first]!.text, nextInGroup)) titleIdx = first;
    }
  }
  const keys = titleKeys(declaredTitle ?? (titleIdx !== undefined ? lines[titleIdx]!.text : ''));
  const captionLines = new Set<number>();
  let prev: number | undefined;
  // A line repeated right after itself is a scraper artefact however many blank or removed lines
  // stand between the two copies: counting them would make the result depend on the layout of
  // what was removed, and normalising the normalised text again would then dedupe what the first
  // pass kept (idempotence, test/property/normalise.property.test.ts).
  for (let i = 0; i < lines.length; i++) {
    if (!isLive(i)) continue;
    const text = lines[i]!.text;
    if (i !== titleIdx && text.length <= TITLE_REPEAT_MAX && isTitleRepeat(text, keys)) drop.set(i, 'duplicate-title');
    else if (prev !== undefined && lines[prev]!.text === text && prev !== titleIdx) {
      const caption = splitCredit(text) !== undefined;
      drop.set(i, caption ? 'caption-dedupe' : 'duplicate-line');
      if (caption) {
        captionLines.add(lines[prev]!.line);
        diagnostics.push(diag(doc.sourceFile, 'info', 'normalise', 'caption-dedupe', 'Bildunterschrift doppelt; einmal behalten', { line: lines[i]!.line }));
      }
    } else prev = i;
  }
  for (const [i, rule] of [...drop].sort((a, b) => a[0] - b[0])) removed.push({ line: lines[i]!.line, text: lines[i]!.text, rule });

  const repairs: Repair[] = [];
  const ctx: RepairContext = { tokenCount: lazyTokenCounts(lines.map((l) => l.text)) };
  let state: QuoteState = { open: null };
  const kept: boolean[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const live = isLive(i);
    if (!live) state = { open: null };
    else l.text = repairLine(l.text, l.line, state, ctx, repairs);
    kept.push(live && i !== titleIdx);
  }
  if (ctx.budget === 0) {
    diagnostics.push(diag(doc.sourceFile, 'warning', 'normalise', 'repair-limit', `Mehr als ${MAX_REPAIRS} Reparaturen nötig; der Rest des Textes bleibt unrepariert`, { hint: 'ist das wirklich ein Pressetext? Quelle prüfen' }));
  }
  const prepared: Prepared = { units: groupUnits(lines, kept, raw), removed, repairs, captionLines, diagnostics };
  if (titleIdx !== undefined) prepared.titleLine = lines[titleIdx]!;
  return prepared;
}
