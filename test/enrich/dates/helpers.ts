/** Small records and knowledge for the dates/quotes/metadata unit tests (not a test file itself). */
import type { Article, Block } from '../../../src/model/article.ts';
import { compileKnowledge, type CompiledKnowledge } from '../../../src/enrich/knowledge.ts';
import { KnowledgeSchema } from '../../../src/model/knowledge.ts';

export function article(paragraphs: (string | Partial<Block>)[], extra: Partial<Article> = {}): Article {
  const blocks: Block[] = paragraphs.map((p, i) => (typeof p === 'string' ? { type: 'paragraph', text: p, line: 3 + 2 * i } : { type: 'paragraph', text: '', line: 3 + 2 * i, ...p }));
  return {
    id: 'test', slug: 'test', path: 'artikel/test.html', sourceFile: 'test.txt', sha256: '0'.repeat(64), language: 'de',
    title: 'Titel', titleProvenance: 'extracted', titleEvidence: 'Titel', blocks, removed: [], repairs: [], source: null,
    credits: [], declared: {}, wordCount: 10, readingMinutes: 1, ...extra,
  };
}

/** A knowledge base shaped like seeds/corpus.yml, small enough to read in one glance. */
export function knowledge(overrides: Record<string, { date?: string; publisher?: string; title?: string }> = {}): CompiledKnowledge {
  return compileKnowledge(KnowledgeSchema.parse({
    site: { title: 'Test' },
    entities: [
      { id: 'putin', name: 'Wladimir Putin', type: 'person', aliases: ['Putin'], roleAliases: ['Kremlchef', { text: 'russische Präsident', from: '2012-05-07' }] },
      { id: 'kim-jong-un', name: 'Kim Jong Un', type: 'person', aliases: ['Kim Jong-un'], shortNames: ['Kim'], roleAliases: [{ text: 'nordkoreanische Führer', from: '2011-12-17' }] },
      { id: 'scholz', name: 'Olaf Scholz', type: 'person', aliases: ['Scholz'] },
      { id: 'baerbock', name: 'Annalena Baerbock', type: 'person', aliases: ['Baerbock'] },
      { id: 'pjoengjang', name: 'Pjöngjang', type: 'place', aliases: ['Pyongyang'] },
      { id: 'wostotschny', name: 'Kosmodrom Wostotschny', type: 'place' },
      { id: 'afp', name: 'AFP', type: 'organisation' },
    ],
    events: [
      { id: '2024-06-pyongyang', name: 'Staatsbesuch', start: '2024-06-18', end: '2024-06-19', place: 'pjoengjang' },
      { id: '2023-09-vostochny', name: 'Gipfel', start: '2023-09-13', end: '2023-09-13', place: 'wostotschny' },
    ],
    overrides,
  }));
}
