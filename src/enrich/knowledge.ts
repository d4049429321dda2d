/** Knowledge compiled once per build into the lookups the extractors need. PLACEHOLDER. */
import type { Knowledge } from '../model/knowledge.ts';

export interface CompiledKnowledge {
  knowledge: Knowledge;
}

export function compileKnowledge(knowledge: Knowledge): CompiledKnowledge {
  return { knowledge };
}
