/**
 * Record → digest (model/digest.ts): the record without its occurrence lists, with the first
 * mention of each entity (body beats title: the passage should show the entity in context) and
 * the stems of each quotation. Pure; runs where the record was made.
 */
import type { ArticleDigest, FirstMention, RecordPatch } from '../model/digest.ts';
import type { EnrichedArticle, Occurrence } from '../model/enriched.ts';
import { quoteTermsOf } from './features.ts';

export function digestOf(record: EnrichedArticle): ArticleDigest {
  const { entities, ...rest } = record;
  return {
    ...rest,
    entities: entities.map(({ occurrences, ...e }) => ({ ...e, first: firstMention(occurrences) })),
    quoteTerms: quoteTermsOf(record.quotes),
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

/** The occurrence lists a digest leaves out, per entity in order: with the digest they give back the record. */
export const occurrencesOf = (record: EnrichedArticle): Occurrence[][] => record.entities.map((e) => e.occurrences);

/**
 * Digest + occurrences (+ what the corpus stages changed) → the full record, with its fields in
 * the record's own order (api/articles.json is written from it, and its bytes must not depend on
 * how the record travelled).
 */
export function recordOf(digest: ArticleDigest, occurrences: readonly Occurrence[][], patch?: RecordPatch): EnrichedArticle {
  const d = digest;
  return {
    id: patch?.id ?? d.id,
    slug: patch?.slug ?? d.slug,
    path: patch?.path ?? d.path,
    sourceFile: d.sourceFile,
    sha256: d.sha256,
    language: d.language,
    title: d.title,
    titleProvenance: d.titleProvenance,
    titleEvidence: d.titleEvidence,
    blocks: d.blocks,
    removed: d.removed,
    repairs: d.repairs,
    source: d.source,
    credits: d.credits,
    declared: d.declared,
    wordCount: d.wordCount,
    readingMinutes: d.readingMinutes,
    published: d.published,
    event: d.event,
    mentionedEvents: d.mentionedEvents,
    entities: d.entities.map((e, i) => ({ id: e.id, name: e.name, type: e.type, mentions: e.mentions, occurrences: [...(occurrences[i] ?? [])] })),
    quotes: d.quotes.map((q, i) => ({ ...q, sameAs: patch ? [...(patch.sameAs[i] ?? [])] : q.sameAs })),
    candidates: d.candidates,
  };
}

/** What the corpus stages changed in a digest, to apply to the stored record (recordOf). */
export const patchOf = (d: ArticleDigest): RecordPatch => ({ id: d.id, slug: d.slug, path: d.path, sameAs: d.quotes.map((q) => q.sameAs) });
