/**
 * Knowledge compiled once per build into the lookups the extractors need: entities and events by
 * id, and one name matcher (a token trie over every alias of every entity) so that finding
 * mentions costs one pass per text, not one regex per entity per article.
 */
import type { CorpusEvent, Entity, Knowledge } from '../model/knowledge.ts';
import { compileMatcher, nameKey, type NameMatcher } from './entities/matcher.ts';

export interface CompiledKnowledge {
  knowledge: Knowledge;
  entitiesById: Map<string, Entity>;
  eventsById: Map<string, CorpusEvent>;
  /** The alias trie used by extractEntities (and by anyone who needs to find names in text). */
  matcher: NameMatcher;
  /**
   * Resolve a name as written ("Putin", "Herrn Putin", "Kim Jong-uns", "Pjöngjangs") to an entity.
   * Inflection- and spelling-tolerant; unconditional aliases only — a bare shared short name
   * ("Kim") is ambiguous without context and resolves only when exactly one entity carries it.
   */
  resolveName(name: string): Entity | undefined;
}

export function compileKnowledge(knowledge: Knowledge): CompiledKnowledge {
  const entitiesById = new Map(knowledge.entities.map((e) => [e.id, e] as const));
  const eventsById = new Map(knowledge.events.map((e) => [e.id, e] as const));
  const matcher = compileMatcher(knowledge.entities);
  const resolveName = (name: string): Entity | undefined => {
    const id = matcher.resolve(name);
    return id === undefined ? undefined : entitiesById.get(id);
  };
  return { knowledge, entitiesById, eventsById, matcher, resolveName };
}

export { nameKey };

let last: { knowledge: Knowledge; key: string; ck: CompiledKnowledge } | undefined;
/**
 * compileKnowledge, kept for the corpus.yml this thread compiled last. Every build parses corpus.yml
 * anew (a new object, mostly the same content) and compiling takes ~60 ms: the same object or the
 * same content gives the compiled form again. Used by the threads' build state (parallel/jobs.ts)
 * and by the dev preview (preview.ts), which on the main thread share it.
 */
export function compiledKnowledge(knowledge: Knowledge): CompiledKnowledge {
  if (last?.knowledge === knowledge) return last.ck;
  const key = JSON.stringify(knowledge);
  if (last?.key !== key) last = { knowledge, key, ck: compileKnowledge(knowledge) };
  else last = { ...last, knowledge };
  return last.ck;
}
