/**
 * The record's JSON as stored: `JSON.stringify(record)` cut at the fields the corpus stages fill in
 * later (id, slug, path, every quote's `sameAs`), as UTF-8 segments. Joining the segments with a
 * patch gives exactly `JSON.stringify` of the patched record (fields in schema order), so
 * api/articles.json can be written by copying stored bytes around a few short strings, without
 * parsing or re-serialising 150 MB of records (test/cache/store.test.ts holds the equality).
 *
 * Stored layout: u32 segment count n, n × u32 byte lengths, then the segments:
 *   0        `"sourceFile":…,"entities":[…]`   (everything between path and quotes)
 *   1 … q    `{"text":…,"evidence":"…"`        (each quote up to its sameAs)
 *   n − 2    `"candidates":[…]`
 *   n − 1    `[…]` the blocks again, alone (not part of the record's JSON): what the corpus pages
 *            read of an article's body (search snippets, feeds) without parsing its entities'
 *            occurrence lists — lean digests (index/digest.ts leanDigest) carry no body text.
 */
import type { Block } from './article.ts';
import type { RecordPatch } from './digest.ts';
import type { EnrichedArticle } from './enriched.ts';

const inner = (value: object): string => JSON.stringify(value).slice(1, -1);

/** The segments of a record's JSON (see the layout above), as strings. */
export function recordSegments(r: EnrichedArticle): string[] {
  const middle = inner({
    sourceFile: r.sourceFile,
    sha256: r.sha256,
    language: r.language,
    title: r.title,
    titleProvenance: r.titleProvenance,
    titleEvidence: r.titleEvidence,
    blocks: r.blocks,
    removed: r.removed,
    repairs: r.repairs,
    source: r.source,
    credits: r.credits,
    declared: r.declared,
    wordCount: r.wordCount,
    readingMinutes: r.readingMinutes,
    published: r.published,
    event: r.event,
    mentionedEvents: r.mentionedEvents,
    entities: r.entities,
  });
  const quotes = r.quotes.map((q) => `{${inner({ text: q.text, speakerId: q.speakerId, speakerName: q.speakerName, paragraph: q.paragraph, evidence: q.evidence })}`);
  return [middle, ...quotes, inner({ candidates: r.candidates }), JSON.stringify(r.blocks)];
}

/** Quotations a stored record has (decoded segments). */
export const storedQuotes = (segments: readonly Uint8Array[]): number => segments.length - 3;

/** JSON stored as UTF-8 bytes (record segments, the cache's digests and features), parsed. */
export const jsonOfBytes = (bytes: Uint8Array): unknown => JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));

/** The record's blocks from its decoded segments, without parsing the rest. */
export function storedBlocks(segments: readonly Uint8Array[]): Block[] {
  const last = segments[segments.length - 1];
  if (!last) throw new Error('Datensatz-JSON: keine Segmente');
  return jsonOfBytes(last) as Block[]; // written by recordSegments from a checked record
}

export function encodeSegments(segments: readonly string[]): Buffer {
  const bufs = segments.map((s) => Buffer.from(s, 'utf8'));
  const head = Buffer.allocUnsafe(4 * (bufs.length + 1));
  head.writeUInt32LE(bufs.length, 0);
  bufs.forEach((b, i) => head.writeUInt32LE(b.byteLength, 4 * (i + 1)));
  return Buffer.concat([head, ...bufs]);
}

/** The stored bytes → the segments, as views into `bytes` (no copy). */
export function decodeSegments(bytes: Uint8Array): Buffer[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = buf.readUInt32LE(0);
  if (n < 3 || 4 * (n + 1) > buf.byteLength) throw new Error('Datensatz-JSON: Kopf beschädigt');
  const out: Buffer[] = [];
  let at = 4 * (n + 1);
  for (let i = 0; i < n; i++) {
    const len = buf.readUInt32LE(4 * (i + 1));
    if (at + len > buf.byteLength) throw new Error('Datensatz-JSON: Segment ragt über das Ende');
    out.push(buf.subarray(at, at + len));
    at += len;
  }
  return out;
}

/**
 * The patched record's JSON as a list of byte pieces in order (segments and the short strings
 * between them); their concatenation is `JSON.stringify(patched record)` in UTF-8.
 */
export function recordJsonPieces(segments: readonly Uint8Array[], patch: RecordPatch): Uint8Array[] {
  const quotes = storedQuotes(segments);
  if (patch.sameAs.length !== quotes) throw new Error(`Datensatz-JSON: ${quotes} Zitate gespeichert, ${patch.sameAs.length} im Index`);
  const out: Uint8Array[] = [Buffer.from(`{"id":${JSON.stringify(patch.id)},"slug":${JSON.stringify(patch.slug)},"path":${JSON.stringify(patch.path)},`), segments[0] as Uint8Array];
  out.push(Buffer.from(',"quotes":['));
  for (let i = 0; i < quotes; i++) {
    if (i > 0) out.push(COMMA);
    out.push(segments[i + 1] as Uint8Array, Buffer.from(`,"sameAs":${JSON.stringify(patch.sameAs[i])}}`));
  }
  out.push(Buffer.from('],'), segments[quotes + 1] as Uint8Array, CLOSE);
  return out;
}

const COMMA = Buffer.from(',');
const CLOSE = Buffer.from('}');

/** The patched record's JSON as one string. */
export function recordJson(segments: readonly Uint8Array[], patch: RecordPatch): string {
  return Buffer.concat(recordJsonPieces(segments, patch)).toString('utf8');
}
