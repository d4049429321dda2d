/**
 * Record → digest (model/digest.ts): the record without its occurrence lists, with the first
 * mention of each entity (body beats title: the passage should show the entity in context) and
 * the stems of each quotation. Pure; runs where the record was made. The full record itself is
 * stored as JSON (model/record-json.ts) and read back where a page needs it (render/lazy.ts).
 */
import type { ArticleDigest, FirstMention, FullDigest, RecordPatch } from '../model/digest.ts';
import type { EnrichedArticle, Occurrence } from '../model/enriched.ts';
import { packText } from '../model/packed-text.ts';
import { quoteTermsOf } from './features.ts';

/** The lower-cased event keywords of corpus.yml: what `topics` looks for (the coverage page). */
export function topicNeedles(events: readonly { keywords: readonly string[] }[]): string[] {
  return [...new Set(events.flatMap((e) => e.keywords.map((k) => k.toLocaleLowerCase('de'))))];
}

/** Which of `needles` the article's text (title and blocks, lower-cased) contains. */
export function topicsOf(record: { title: string; blocks: readonly { text: string }[] }, needles: readonly string[]): string[] {
  if (needles.length === 0) return [];
  const text = [record.title, ...record.blocks.map((b) => b.text)].join('\n').toLocaleLowerCase('de');
  return needles.filter((n) => text.includes(n));
}

/** `needles`: topicNeedles of the corpus (none: no topics). `quoteTerms`: when known already; computed otherwise. */
export function digestOf(record: EnrichedArticle, needles: readonly string[] = [], quoteTerms: string[][] = quoteTermsOf(record.quotes)): FullDigest {
  const { entities, ...rest } = record;
  return {
    ...rest,
    entities: entities.map(({ occurrences, ...e }) => ({ ...e, first: firstMention(occurrences) })),
    // own quotation objects: the index fills in their sameAs (linkQuotesInPlace)
    quotes: record.quotes.map((q) => ({ ...q })),
    quoteTerms,
    topics: topicsOf(record, needles),
  };
}

/**
 * The digest without the text of blocks no corpus page shows (see ArticleDigest.blocks): kept are
 * the first paragraph, the first block and every block an entity is first mentioned in, their
 * text packed (model/packed-text.ts). In place.
 */
export function leanDigest(d: FullDigest): ArticleDigest {
  const keep = new Set<number>([0]);
  const lede = d.blocks.findIndex((b) => b.type === 'paragraph');
  if (lede !== -1) keep.add(lede);
  for (const e of d.entities) if (e.first && e.first.block !== 'title') keep.add(e.first.block);
  const lean = d as unknown as ArticleDigest;
  lean.blocks = d.blocks.map((b, i) => (keep.has(i) ? { ...b, text: packText(b.text) } : null));
  return lean;
}

/** A digest with every block kept, packed as a lean digest's are (index/ from full records: tests, tools). Not in place. */
export function packedDigest(d: FullDigest): ArticleDigest {
  return { ...d, blocks: d.blocks.map((b) => ({ ...b, text: packText(b.text) })) };
}

export function firstMention(occurrences: readonly Occurrence[]): FirstMention | null {
  let best: FirstMention | null = null;
  for (const o of occurrences) {
    if (o.block === 'title') {
      best ??= { block: 'title', start: o.start, end: o.end };
      continue;
    }
    if (best === null || best.block === 'title' || o.block < best.block || (o.block === best.block && o.start < best.start)) {
      best = { block: o.block, start: o.start, end: o.end };
    }
  }
  return best;
}

/** What the corpus stages changed in a digest, to apply to the stored record (recordOf). */
export const patchOf = (d: Pick<ArticleDigest, 'id' | 'slug' | 'path' | 'quotes'>): RecordPatch => ({ id: d.id, slug: d.slug, path: d.path, sameAs: d.quotes.map((q) => q.sameAs) });

/**
 * Strings that repeat across articles — entity ids, names and types, block types, rule names,
 * provenance words, speakers, quote stems — arrive from the threads as fresh copies in every
 * digest. One shared copy each (at 10 000 articles: ~1 million strings fewer on the main thread).
 */
export class StringPool {
  private readonly strings = new Map<string, string>();
  get = (s: string): string => {
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  };
  orNull = (s: string | null): string | null => (s === null ? null : this.get(s));
}

/** Digests interned already: a build session (session.ts) feeds the same digest objects to every rebuild. */
const interned = new WeakSet<ArticleDigest>();

/** Replaces the repeating strings of a digest by the pool's copies (in place; the values stay equal). */
export function internDigest(d: ArticleDigest, pool: StringPool): ArticleDigest {
  if (interned.has(d)) return d;
  interned.add(d);
  const p = pool.get;
  d.language = p(d.language);
  d.titleProvenance = p(d.titleProvenance) as typeof d.titleProvenance;
  for (const b of d.blocks) {
    if (b === null) continue;
    b.type = p(b.type) as typeof b.type;
    if (b.credit !== undefined) b.credit = p(b.credit);
  }
  for (const r of d.removed) r.rule = p(r.rule);
  for (const r of d.repairs) r.rule = p(r.rule);
  if (d.source) {
    d.source.name = p(d.source.name);
    d.source.provenance = p(d.source.provenance) as typeof d.source.provenance;
  }
  d.credits = d.credits.map(p);
  if (d.published) d.published.provenance = p(d.published.provenance) as typeof d.published.provenance;
  if (d.event !== null) d.event = p(d.event);
  d.mentionedEvents = d.mentionedEvents.map(p);
  for (const e of d.entities) {
    e.id = p(e.id);
    e.name = p(e.name);
    e.type = p(e.type) as typeof e.type;
  }
  for (const q of d.quotes) {
    q.speakerId = pool.orNull(q.speakerId);
    q.speakerName = pool.orNull(q.speakerName);
  }
  d.quoteTerms = d.quoteTerms.map((terms) => terms.map(p));
  d.topics = d.topics.map(p);
  for (const c of d.candidates) c.kind = p(c.kind) as typeof c.kind;
  return d;
}
