/**
 * The entity catalogue of the site: every entity from corpus.yml plus any the extractors
 * referenced, each with the articles that mention it (newest first), the first passage per
 * article, the quotations it spoke and the entities most often named with it.
 * One pass over the articles; co-occurrence is bounded by entities per article, not by corpus size.
 */
import type { ArticleDigest } from '../model/digest.ts';
import type { EntityType } from '../model/enriched.ts';
import type { Knowledge } from '../model/knowledge.ts';
import { slugify } from '../normalise/slug.ts';
import { entityPath } from './paths.ts';

export interface Passage {
  articleId: string;
  /** Index into the article's blocks, or "title". */
  block: number | 'title';
  start: number;
  end: number;
}

export interface QuoteRef {
  articleId: string;
  /** Index into the article's `quotes`. */
  index: number;
}

export interface EntityInfo {
  id: string;
  name: string;
  type: EntityType;
  role: string;
  description: string;
  aliases: string[];
  /** Entity id of its country, when corpus.yml names one. */
  country: string | null;
  /** Page path relative to the output folder. */
  path: string;
  /** Whether corpus.yml describes it (false: only an extractor named it). */
  known: boolean;
  /** Sum of mentions over all articles. */
  mentions: number;
  /** One passage per mentioning article, newest article first. */
  passages: Passage[];
  quotes: QuoteRef[];
  /** Most often co-mentioned entities, by number of shared articles, at most `MAX_COOCCURRING`. */
  cooccurring: { id: string; articles: number }[];
}

export const MAX_COOCCURRING = 12;

/** Ids end up in file names: keep corpus.yml ids as they are (schema-checked), sanitise the rest. */
const safeId = (id: string): string => (/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/.test(id) ? id : slugify(id) || 'unbenannt');

/** `order`: article ids newest first (see chronology), so passages come out in reading order. */
export function buildEntities(order: readonly ArticleDigest[], knowledge: Knowledge, collator: Intl.Collator): Map<string, EntityInfo> {
  const byId = new Map<string, EntityInfo>();
  const make = (id: string, name: string, type: EntityType, known: boolean): EntityInfo => ({
    id, name, type, role: '', description: '', aliases: [], country: null,
    path: entityPath(type, id), known, mentions: 0, passages: [], quotes: [], cooccurring: [],
  });
  for (const e of knowledge.entities) {
    const info = make(e.id, e.name, e.type, true);
    info.role = e.role;
    info.description = e.description;
    info.aliases = [...e.aliases];
    info.country = e.country ?? null;
    byId.set(e.id, info);
  }
  const pairs = new Map<string, Map<string, number>>();
  for (const a of order) {
    const seen: string[] = [];
    for (const ref of a.entities) {
      const id = safeId(ref.id);
      let info = byId.get(id);
      if (!info) {
        info = make(id, ref.name, ref.type, false);
        byId.set(id, info);
      }
      info.mentions += ref.mentions;
      if (ref.first) info.passages.push({ articleId: a.id, block: ref.first.block, start: ref.first.start, end: ref.first.end });
      if (!seen.includes(id)) seen.push(id);
    }
    for (const x of seen) {
      let row = pairs.get(x);
      if (!row) pairs.set(x, (row = new Map()));
      for (const y of seen) if (y !== x) row.set(y, (row.get(y) ?? 0) + 1);
    }
    a.quotes.forEach((q, index) => {
      if (q.speakerId === null) return;
      byId.get(safeId(q.speakerId))?.quotes.push({ articleId: a.id, index });
    });
  }
  for (const [id, row] of pairs) {
    const info = byId.get(id);
    if (!info) continue;
    info.cooccurring = [...row]
      .sort((p, q) => q[1] - p[1] || collator.compare(byId.get(p[0])?.name ?? p[0], byId.get(q[0])?.name ?? q[0]))
      .slice(0, MAX_COOCCURRING)
      .map(([other, articles]) => ({ id: other, articles }));
  }
  return byId;
}
