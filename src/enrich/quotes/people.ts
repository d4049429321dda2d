/**
 * Who is named where: person and organisation mentions per block, for speaker phrases and pronoun
 * antecedents. Prefers the entity mentions handed over by enrich/entities (context-resolved); when
 * those carry no occurrences, falls back to the shared name matcher of CompiledKnowledge.
 */
import type { Article } from '../../model/article.ts';
import type { EntityRef } from '../../model/enriched.ts';
import type { Entity } from '../../model/knowledge.ts';
import type { CompiledKnowledge } from '../knowledge.ts';
import type { Entry } from '../entities/matcher.ts';

export interface Person {
  id: string | null;
  name: string;
  /** null for a speaker not in corpus.yml (a name as written). */
  type: 'person' | 'organisation' | null;
  block: number;
  start: number;
  end: number;
}

const SPEAKER_TYPES = new Set(['person', 'organisation']);

/** One entity for a matched name: unique id, else the one this article names most, else a current role. */
export function chooseEntity(entries: readonly Entry[], ck: CompiledKnowledge, counts: ReadonlyMap<string, number>): Entity | undefined {
  const ids = [...new Set(entries.map((e) => e.entityId))];
  const ranked = ids
    .map((id) => ({ id, n: counts.get(id) ?? 0, current: entries.some((e) => e.entityId === id && e.to === undefined) }))
    .sort((a, b) => b.n - a.n || Number(b.current) - Number(a.current) || (a.id < b.id ? -1 : 1));
  const [top, second] = ranked;
  if (!top) return undefined;
  if (second && second.n === top.n && second.current === top.current) return undefined;
  return ck.entitiesById.get(top.id);
}

export function mentionCounts(entities: readonly EntityRef[]): Map<string, number> {
  return new Map(entities.map((e) => [e.id, e.mentions]));
}

export function peopleByBlock(article: Article, entities: readonly EntityRef[], ck: CompiledKnowledge): Person[][] {
  const out: Person[][] = article.blocks.map(() => []);
  const fromRefs = entities.some((e) => e.occurrences.length > 0);
  if (fromRefs) {
    for (const e of entities) {
      if (!SPEAKER_TYPES.has(e.type)) continue;
      for (const o of e.occurrences) {
        if (o.block === 'title') continue;
        out[o.block]?.push({ id: e.id, name: e.name, type: e.type === 'person' ? 'person' : 'organisation', block: o.block, start: o.start, end: o.end });
      }
    }
  } else {
    const counts = mentionCounts(entities);
    article.blocks.forEach((b, i) => {
      for (const m of ck.matcher.match(b.text)) {
        const ent = chooseEntity(m.entries, ck, counts);
        if (ent && SPEAKER_TYPES.has(ent.type)) out[i]?.push({ id: ent.id, name: ent.name, type: ent.type === 'person' ? 'person' : 'organisation', block: i, start: m.start, end: m.end });
      }
    });
  }
  for (const list of out) list.sort((a, b) => a.start - b.start);
  return out;
}
