/**
 * Character tests for the hot loops of the normaliser, equal to the regex classes they replace
 * but without a regex call per character or token: ASCII is decided by code, everything else
 * falls back to the same Unicode property regex.
 */

/** Exactly JavaScript's `\s` (WhiteSpace + LineTerminator), by UTF-16 code unit. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const WORD = /[\p{L}\d]/u;

/** `/[\p{L}\d]/u.test(ch)` for one UTF-16 code unit `ch` (a lone surrogate is no word char). */
export function isWordUnit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD.test(ch);
}

/**
 * Calls `fn(start, end)` for every maximal run of non-`\s` code units in `text`, in order: the
 * same tokens as `text.split(/\s+/)` without the empty strings at the ends.
 */
export function eachToken(text: string, fn: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    if (i >= n) return;
    const start = i;
    while (i < n && !isSpace(text.charCodeAt(i))) i++;
    fn(start, i);
  }
}
