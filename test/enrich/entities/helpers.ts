/** Test helpers: the real corpus knowledge, compiled once, and articles built from plain strings. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseKnowledge } from '../../../src/config/corpus.ts';
import { compileKnowledge, type CompiledKnowledge } from '../../../src/enrich/knowledge.ts';
import type { Article } from '../../../src/model/article.ts';
import { KnowledgeSchema } from '../../../src/model/knowledge.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let cached: CompiledKnowledge | undefined;

export function corpus(): CompiledKnowledge {
  if (cached) return cached;
  const r = parseKnowledge(readFileSync(path.join(ROOT, 'seeds/corpus.yml'), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  cached = compileKnowledge(r.knowledge);
  return cached;
}

/** A knowledge base from inline entity/event objects (schema defaults filled in). */
export function knowledge(input: { entities?: unknown[]; events?: unknown[] }): CompiledKnowledge {
  return compileKnowledge(KnowledgeSchema.parse({ site: { title: 'Test' }, ...input }));
}

export function article(title: string, ...paragraphs: string[]): Article {
  return {
    id: 'test', slug: 'test', path: 'artikel/test.html', sourceFile: 'test.txt', sha256: '0'.repeat(64), language: 'de',
    title, titleProvenance: 'extracted', titleEvidence: title,
    blocks: paragraphs.map((text, i) => ({ type: 'paragraph' as const, text, line: i + 3 })),
    removed: [], repairs: [], source: null, credits: [], declared: {}, wordCount: 0, readingMinutes: 1,
  };
}
