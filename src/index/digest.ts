/**
 * Record → digest (model/digest.ts): the record without its occurrence lists, with the first
 * mention of each entity (body beats title: the passage should show the entity in context) and
 * the stems of each quotation. Pure; runs where the record was made. The full record itself is
 * stored as JSON (model/record-json.ts) and read back where a page needs it (render/lazy.ts).
 */
import type { ArticleDigest, FirstMention, RecordPatch } from '../model/digest.ts';
import type { EnrichedArticle, Occurrence } from '../model/enriched.ts';
import { quoteTermsOf } from './features.ts';

/** `quoteTerms`: when known already; computed otherwise. */
export function digestOf(record: EnrichedArticle, quoteTerms: string[][] = quoteTermsOf(record.quotes)): ArticleDigest {
  const { entities, ...rest } = record;
  return {
    ...rest,
    entities: entities.map(({ occurrences, ...e }) => ({ ...e, first: firstMention(occurrences) })),
    quoteTerms,
  };
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
export const patchOf = (d: ArticleDigest): RecordPatch => ({ id: d.id, slug: d.slug, path: d.path, sameAs: d.quotes.map((q) => q.sameAs) });
