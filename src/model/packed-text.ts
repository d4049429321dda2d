/**
 * Text the main thread holds for the whole build (the lean digests' kept blocks), in a form V8
 * stores with one byte per character. V8 keeps a string in one byte per character only when every
 * character is Latin-1 (U+0000–U+00FF); one typographic quotation mark („ “ ’) or dash (– —) —
 * nearly every paragraph of German press text has one — makes the whole string two bytes per
 * character. At 10 000 articles the kept blocks were ~44 MB of two-byte strings (a heap snapshot:
 * 80 070 of 80 157 strings of 200–1 000 characters were two-byte).
 *
 * Packed: each character that Windows-1252 (the WHATWG "windows-1252" encoding) puts in 0x80–0x9F
 * is written as that code, a C1 control character; a C1 control character of the text itself is
 * escaped as ESCAPE + itself (ESCAPE, 0x81, is a code Windows-1252 leaves undefined). Every other
 * character stays. So a text of Latin-1 and those typographic characters packs into a one-byte
 * string of the same length with the same offsets (entity first mentions index into it, see
 * `offsetsKept`); anything else still packs and unpacks exactly, only not smaller.
 */

/** Windows-1252's characters for 0x80–0x9F, in order; a space where it defines none. */
const CP1252 = '€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ';
const ESCAPE = 0x81;

declare const packed: unique symbol;
/**
 * A text in packed form: a string at run time, but not one for the type checker, so that no
 * packed text is shown or compared by mistake; `unpackText` turns it back into text.
 */
export type PackedText = { readonly [packed]: true };

const packCode = new Map<number, number>();
for (let i = 0; i < CP1252.length; i++) if (CP1252[i] !== ' ') packCode.set(CP1252.charCodeAt(i), 0x80 + i);

const isC1 = (c: number) => c >= 0x80 && c <= 0x9f;

/** The packed form of `text`: equal texts pack equal, and unpackText gives `text` back. */
export function packText(text: string): PackedText {
  let i = 0;
  // fast path: nothing to change (plain Latin-1 without C1 controls) — the string itself
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && (c <= 0x9f || c > 0xff)) break;
  }
  if (i === text.length) return text as unknown as PackedText;
  // Made from bytes as Latin-1: a string put together from slices of a two-byte string stays
  // two-byte in V8 even when every character would fit one byte.
  const bytes = Buffer.allocUnsafe(2 * text.length);
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80 || (c > 0x9f && c <= 0xff)) bytes[n++] = c;
    else if (c <= 0x9f) {
      bytes[n++] = ESCAPE;
      bytes[n++] = c;
    } else {
      const code = packCode.get(c);
      if (code === undefined) return packWide(text);
      bytes[n++] = code;
    }
  }
  return bytes.toString('latin1', 0, n) as unknown as PackedText;
}

/** A text with characters beyond Latin-1 and Windows-1252 (a two-byte string whatever is done): only its C1 controls escaped. */
function packWide(text: string): PackedText {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isC1(c)) continue;
    out += text.slice(from, i) + String.fromCharCode(ESCAPE, c);
    from = i + 1;
  }
  return (out + text.slice(from)) as unknown as PackedText;
}

/** The text `packed` was made from. */
export function unpackText(text: PackedText): string {
  const packed = text as unknown as string;
  let i = 0;
  for (; i < packed.length; i++) if (isC1(packed.charCodeAt(i))) break;
  if (i === packed.length) return packed;
  let out = '';
  let from = 0;
  for (; i < packed.length; i++) {
    const c = packed.charCodeAt(i);
    if (!isC1(c)) continue;
    out += packed.slice(from, i);
    if (c === ESCAPE && i + 1 < packed.length) {
      out += packed[i + 1];
      i++;
    } else out += CP1252[c - 0x80];
    from = i + 1;
  }
  return out + packed.slice(from);
}

/**
 * Whether offsets into the text are offsets into its packed form too: true unless the text had C1
 * control characters (escaped with two characters each).
 */
export function offsetsKept(packed: PackedText): boolean {
  return !(packed as unknown as string).includes(String.fromCharCode(ESCAPE));
}

/**
 * The packed characters themselves, to cut by the text's offsets where offsetsKept (spaces,
 * letters and digits are themselves); what is cut goes through unpackText before it is shown.
 */
export const packedChars = (packed: PackedText): string => packed as unknown as string;

/** Pieces cut from packedChars (and plain text around them), unpacked. */
export const unpackChars = (chars: string): string => unpackText(chars as unknown as PackedText);
