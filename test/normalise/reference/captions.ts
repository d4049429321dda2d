// Reference copy of src/normalise/captions.ts as of 522d2d4 (before the split-point scan started
// near the credit): the oracle for test/normalise/captions.test.ts. Do not optimise this file.
/**
 * Photo captions: split the credit off a caption line ("Flaggen beider Länder. Sputnik/Artem
 * Geodakyan/Pool via REUTERS" → text + credit). The credit is the tail after a sentence end
 * (or a glued "2023.Ahn", or a "©"), recognised by the markers in rules/captions.json and by
 * containing no ordinary lowercase words, so a sentence ending "… sagte Kuleba der AFP." is
 * never mistaken for a credit.
 */
import { CAPTIONS } from '../../../src/normalise/data.ts';

export interface CaptionSplit {
  text: string;
  credit: string;
}

/** Candidate split points: after ". " / "! " / "? " (with closing quotes), before "©", or a glued ".X". */
const SPLIT = /[.!?]["“”»«’)]*\s+|[.!?](?=\p{Lu})|\s*(?=©)/gu;
const LOWER_WORD = /(?<![\p{L}\d'-])\p{Ll}[\p{L}'-]*/gu;

export function looksLikeCredit(tail: string): boolean {
  const t = tail.trim();
  if (t.length < 2 || t.length > CAPTIONS.maxCreditLength) return false;
  if (!CAPTIONS.markers.some((m) => m.test(t))) return false;
  for (const m of t.matchAll(LOWER_WORD)) {
    const w = m[0];
    if (w.length >= 3 && !CAPTIONS.allowedLowercase.has(w.toLowerCase())) return false;
  }
  return true;
}

/** The caption text and its credit, or undefined when the text carries no credit tail. */
export function splitCredit(input: string): CaptionSplit | undefined {
  const text = input.trim();
  if (text.length > CAPTIONS.maxCaptionLength) return undefined;
  // Earliest split whose whole tail is a credit: "… 2023.Ahn Young-joon/Copyright 2023 The AP.
  // All rights reserved." must split before "Ahn", not before "All".
  const minStart = text.length - CAPTIONS.maxCreditLength;
  const points = [...text.matchAll(SPLIT)];
  for (let k = 0; k < points.length; k++) {
    const m = points[k]!;
    const end = m.index + m[0].length;
    if (end < minStart) continue;
    // The credit must start right here: its first segment (up to the next split point) carries
    // a marker itself, so "… Russlands. 13. September 2023. Sputnik/…" keeps its date in the text.
    const firstSegment = text.slice(end, points[k + 1]?.index ?? text.length);
    if (!CAPTIONS.markers.some((re) => re.test(firstSegment))) continue;
    const head = (text.slice(0, m.index) + m[0].trim()).trim();
    const tail = text.slice(end).trim();
    if (head.split(/\s+/).length < 2) continue;
    if (looksLikeCredit(tail)) return { text: head, credit: tail.replace(/\s*\/\s*$/, '') };
  }
  return undefined;
}
