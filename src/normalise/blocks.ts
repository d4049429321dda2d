/**
 * Units → typed blocks in reading order: paragraphs (hard wraps rejoined), paragraph-scope
 * boilerplate removed, captions with their credit, subheadings recognised by shape.
 */
import type { Block, RemovedLine, Repair } from '../model/article.ts';
import { matchParagraph } from './boilerplate.ts';
import { splitCredit } from './captions.ts';
import { splitParagraphs, unitText, type Unit } from './lines.ts';

export interface BlocksResult {
  blocks: Block[];
  removed: RemovedLine[];
  repairs: Repair[];
}

const HEADING_MAX_CHARS = 90;
const HEADING_MAX_WORDS = 10;
const OPENERS = '„“"»«‚';
const ANY_QUOTE = /["„“”‚‘»«]/gu;

/**
 * A subheading by shape: short, few words, capitalised, no sentence punctuation at the end
 * (a question or exclamation may stand), at least one letter.
 */
export function isHeadingShaped(text: string): boolean {
  if (text.length > HEADING_MAX_CHARS || text.split(/\s+/).length > HEADING_MAX_WORDS) return false;
  if (!/^["„“»«‚(]?[\p{Lu}\d]/u.test(text) || !/\p{L}{2}/u.test(text)) return false;
  return !/[.,;:–-]["“”»«’)]*$/u.test(text);
}

/** "“Volle Unterstützung" → "Volle Unterstützung": a lone quote mark left from a lost pair. */
function stripStrayQuote(text: string): string {
  const quotes = text.match(ANY_QUOTE) ?? [];
  if (quotes.length !== 1) return text;
  if (OPENERS.includes(text[0] ?? '')) return text.slice(1).trim();
  if (/["“”»«]$/u.test(text)) return text.slice(0, -1).trim();
  return text;
}

export function buildBlocks(units: readonly Unit[], captionLines: ReadonlySet<number>): BlocksResult {
  const removed: RemovedLine[] = [];
  const repairs: Repair[] = [];
  const blocks: Block[] = [];
  const candidates: boolean[] = [];
  // A plain loop over the paragraphs of each unit: Array#flatMap is slow in V8 (generic path).
  const paragraphs: Unit[] = [];
  for (const u of units) for (const p of splitParagraphs(u)) paragraphs.push(p);
  for (const unit of paragraphs) {
    const text = unitText(unit);
    const line = unit.lines[0]?.line;
    if (!text || line === undefined) continue;
    if (unit.kind === 'text' || unit.kind === 'heading') {
      const rule = matchParagraph(text);
      if (rule) {
        for (const l of unit.lines) removed.push({ line: l.line, text: l.text, rule: rule.name });
        continue;
      }
    }
    if (unit.kind === 'heading') {
      blocks.push({ type: 'heading', text, line });
      candidates.push(false);
      continue;
    }
    if (unit.kind === 'caption') {
      const split = splitCredit(text);
      blocks.push(split ? { type: 'caption', text: split.text, credit: split.credit, line } : { type: 'caption', text, line });
      candidates.push(false);
      continue;
    }
    if (unit.kind !== 'text') {
      blocks.push({ type: unit.kind, text, line });
      candidates.push(false);
      continue;
    }
    const split = unit.lines.length === 1 ? splitCredit(text) : undefined;
    if (split) {
      blocks.push({ type: 'caption', text: split.text, credit: split.credit, line });
      candidates.push(false);
    } else if (captionLines.has(line)) {
      blocks.push({ type: 'caption', text, line });
      candidates.push(false);
    } else {
      blocks.push({ type: 'paragraph', text, line });
      candidates.push(unit.lines.length === 1 && isHeadingShaped(text));
    }
  }
  // A heading stands before body text: the next block is a paragraph or list that is not
  // itself heading-shaped (two short lines in a row are more likely a list or widget residue).
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const next = blocks[i + 1];
    if (!candidates[i] || !next || candidates[i + 1]) continue;
    if (next.type !== 'paragraph' && next.type !== 'list-item' && next.type !== 'blockquote') continue;
    const text = stripStrayQuote(b.text);
    if (text !== b.text) repairs.push({ line: b.line, before: b.text, after: text, rule: 'stray-quote' });
    blocks[i] = { type: 'heading', text, line: b.line };
  }
  return { blocks, removed, repairs };
}
