/**
 * The word scans of the quote stage, read by char code instead of regex matches: a quote's
 * attribution reads every word of a clause or sentence (up to 300 characters) per quote, and a
 * match object per word was most of its cost. Each function equals the regex it replaces
 * (property-tested in test/enrich/quotes/words.test.ts):
 *   wordSpans — `/\p{L}[\p{L}\p{N}'’.-]* /gu` (a speaker's or verb's word)
 *   countWords — `/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)* /gu` (a quote's length in words)
 * Character classes are decided per BMP code unit once (a table), astral code points by the regex.
 */

const LETTER = /^\p{L}$/u;
const NUMBER = /^\p{N}$/u;
/** Per BMP code unit: 0 unknown, else 1 | 2 (\p{L}) | 4 (\p{N}). Surrogates are read in pairs. */
const bmp = new Uint8Array(0x10000);

function classOfUnit(c: number): number {
  let v = bmp[c]!; // c < 0x10000
  if (v === 0) {
    const ch = String.fromCharCode(c);
    bmp[c] = v = 1 | (LETTER.test(ch) ? 2 : 0) | (NUMBER.test(ch) ? 4 : 0);
  }
  return v;
}

/** The class bits of the code point at `i` (2 letter, 4 number), and its length in units (bit 8 set: two). */
function classAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) {
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return 2;
    return c >= 0x30 && c <= 0x39 ? 4 : 0;
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = text.slice(i, i + 2);
      return 8 | (LETTER.test(cp) ? 2 : 0) | (NUMBER.test(cp) ? 4 : 0);
    }
  }
  return classOfUnit(c) & 6;
}

const units = (cls: number): number => (cls & 8 ? 2 : 1);
/** `'’.-`, the non-word characters a WORD may hold after its first letter. */
const isWordTail = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2e || c === 0x2d;

/**
 * Start and end offsets of every `/\p{L}[\p{L}\p{N}'’.-]* /gu` match in `text`, flat
 * ([start0, end0, start1, end1, …]), at most `max` words.
 */
export function wordSpans(text: string, max = Infinity): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n && out.length < 2 * max) {
    const cls = classAt(text, i);
    if ((cls & 2) === 0) {
      i += units(cls);
      continue;
    }
    const start = i;
    i += units(cls);
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isWordTail(c)) {
        i++;
        continue;
      }
      const k = classAt(text, i);
      if ((k & 6) === 0) break;
      i += units(k);
    }
    out.push(start, i);
  }
  return out;
}

/** Number of `/[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)* /gu` matches in `s`, counting no further than `upTo`. */
export function countWords(s: string, upTo = Infinity): number {
  let count = 0;
  const n = s.length;
  let i = 0;
  while (i < n && count < upTo) {
    let cls = classAt(s, i);
    if ((cls & 6) === 0) {
      i += units(cls);
      continue;
    }
    count++;
    // The run of letters and digits, continued across a single - or ' between two of them.
    for (;;) {
      while ((cls & 6) !== 0) {
        i += units(cls);
        cls = i < n ? classAt(s, i) : 0;
      }
      const c = s.charCodeAt(i);
      if ((c === 0x2d || c === 0x27) && i + 1 < n && (classAt(s, i + 1) & 6) !== 0) {
        i++;
        cls = classAt(s, i);
        continue;
      }
      break;
    }
  }
  return count;
}
