import { describe, expect, it } from 'vitest';
import { decodeBytes, settleText } from '../../src/ingest/decode.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('settleText', () => {
  it.each([
    ['BOM stripped', '\ufeffHallo', 'Hallo'],
    ['CRLF and CR to LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['NFC', 'Pjo\u0308ngjang', 'Pjöngjang'],
    ['NBSP and tab to space', 'a\u00a0b\tc', 'a b c'],
    ['soft hyphen removed', 'Gipfel\u00adtreffen', 'Gipfeltreffen'],
    ['entities decoded', '&quot;Kim&quot; &amp; Putin&nbsp;&#8211; &#x201E;', '"Kim" & Putin – „'],
    ['double-escaped entity', '&amp;quot;x&amp;quot;', '"x"'],
    ['&shy; vanishes', 'Staats&shy;chef', 'Staatschef'],
  ])('%s', (_name, input, expected) => {
    expect(settleText(input)).toBe(expected);
  });

  it('is idempotent on the seeds-like text', () => {
    const once = settleText('„Neue Ära“ &amp; mehr\r\n');
    expect(settleText(once)).toBe(once);
  });
});

describe('decodeBytes', () => {
  it('decodes UTF-8 and strips the BOM', () => {
    const r = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Ä')]));
    expect(r).toMatchObject({ ok: true, text: 'Ä' });
  });
  it('decodes UTF-16LE with a BOM', () => {
    const r = decodeBytes(new Uint8Array([0xff, 0xfe, 0xc4, 0x00, 0x41, 0x00]));
    expect(r).toMatchObject({ ok: true, text: 'ÄA', encoding: 'utf-16le' });
  });
  it('refuses binary with a reason', () => {
    expect(decodeBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatchObject({ ok: false, reason: 'binary' });
  });
  it('locates invalid UTF-8 by line and column', () => {
    const r = decodeBytes(new Uint8Array([...enc('ab\ncd'), 0xe4, ...enc('x')]));
    expect(r).toMatchObject({ ok: false, reason: 'invalid-utf8', line: 2, column: 3 });
  });
});
