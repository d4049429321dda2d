/**
 * Settle the text once, before anything reads it (STYLE habit 3): encoding, line ends,
 * Unicode form, invisible characters and HTML entities.
 */
import { decodeHTMLStrict } from 'entities';

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; notes: string[] }
  | { ok: false; reason: 'binary' | 'invalid-utf8'; line?: number; column?: number; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decode bytes to a JS string: UTF-8 (BOM stripped) or UTF-16 with a BOM; binary and invalid UTF-8 are refused. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  const notes: string[] = [];
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', notes: ['UTF-16LE mit BOM dekodiert'] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', notes: ['UTF-16BE mit BOM dekodiert'] };
  }
  // A NUL byte in the first 8 KiB is the classic sign of a binary file (git uses the same test).
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) {
    return { ok: false, reason: 'binary', message: 'Binärdatei (NUL-Byte), kein Text' };
  }
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8', notes };
  } catch {
    const pos = firstInvalidUtf8(bytes);
    return { ok: false, reason: 'invalid-utf8', line: pos.line, column: pos.column, message: `ungültiges UTF-8 (Byte 0x${pos.byte.toString(16).padStart(2, '0')})` };
  }
}

/** Locate the first byte that breaks UTF-8, as line/column for the diagnostic. */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number; byte: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need = 0;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else return { line, column, byte: b };
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return { line, column, byte: b };
    }
    if (b === 0x0a) {
      line++;
      column = 1;
    } else column++;
    i += need + 1;
  }
  return { line, column, byte: 0 };
}

const ENTITY = /&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/gi;

/** Text-level settling. Idempotent: settle(settle(x)) === settle(x). */
export function settleText(input: string): string {
  let t = input;
  if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
  t = t.replace(/\r\n?/g, '\n');
  // Entities first: `&nbsp;` must become a space, `&shy;` must vanish like a real soft hyphen.
  // Decoded twice at most, for the common double-escaped `&amp;quot;` of scraped feeds.
  for (let pass = 0; pass < 2 && ENTITY.test(t); pass++) {
    ENTITY.lastIndex = 0;
    t = t.replace(ENTITY, (m) => decodeHTMLStrict(m));
  }
  t = t.normalize('NFC');
  t = t
    .replace(/[\u00a0\u2007\u202f\t]/g, ' ')
    .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '')
    // C0/C1 control characters other than LF carry no text and break XML feeds.
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '');
  return t;
}
