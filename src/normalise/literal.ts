/**
 * A required literal of a regular expression: a run of plain ASCII characters that every match
 * contains, found conservatively in the pattern source. Boilerplate rules test every paragraph
 * against unanchored patterns such as `\bbietet Ihnen\b.{0,120}…`; looking for "bietet Ihnen" in
 * the text first (a literal regex with the same flags, so the same case folding) skips the
 * pattern on almost every paragraph with the same result.
 *
 * Conservative means: only the top-level sequence is read (a top-level `|` gives no literal);
 * groups, classes, escapes, `.`, anchors and quantified characters end a run; only letters,
 * digits, space and a few punctuation marks count as literal. What this cannot prove, it does
 * not claim: then the pattern is always run.
 */

/** Characters that stand for themselves in a pattern, outside a class, with or without `i`. */
const PLAIN = /^[A-Za-z0-9 ,;:'"%=@-]$/;

/** Index of the last character of the escape that starts at `i` (the backslash). */
function escapeEnd(source: string, i: number): number {
  const kind = source[i + 1];
  if (kind === undefined) return i;
  const braced = source[i + 2] === '{' && (kind === 'p' || kind === 'P' || kind === 'u' || kind === 'k');
  if (braced) {
    const close = source.indexOf('}', i + 2);
    return close === -1 ? source.length : close;
  }
  if (kind === 'x') return i + 3;
  if (kind === 'u') return i + 5;
  if (kind === 'c') return i + 2;
  if (kind === 'k' && source[i + 2] === '<') {
    const close = source.indexOf('>', i + 2);
    return close === -1 ? source.length : close;
  }
  let j = i + 1;
  if (/\d/.test(kind)) while (/\d/.test(source[j + 1] ?? '')) j++;
  return j;
}

/** The longest required literal of at least `min` characters, or undefined. */
export function requiredLiteral(source: string, min = 4): string | undefined {
  let best = '';
  let run = '';
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      // An escape (\b, \s, \p{L}, \x41, \u{…}, \1) ends the run; skip all of it.
      if (depth === 0 && !inClass) end();
      i = escapeEnd(source, i);
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      if (depth === 0) end();
      continue;
    }
    if (c === '(') {
      if (depth === 0) end();
      depth++;
      continue;
    }
    if (c === ')') {
      depth--;
      continue;
    }
    if (depth > 0) continue;
    if (c === '|') return undefined;
    if (c === '{') {
      // A quantifier's bounds ({0,60}) are no text; the quantified atom already ended the run.
      end();
      const close = source.indexOf('}', i);
      if (close === -1) return undefined;
      i = close;
      continue;
    }
    const next = source[i + 1];
    if (next === '?' || next === '*' || next === '+' || next === '{') {
      // This character may occur zero times (or is repeated): it and the run end here.
      end();
      continue;
    }
    if (PLAIN.test(c)) run += c;
    else end();
  }
  end();
  return best.length >= min ? best : undefined;
}
