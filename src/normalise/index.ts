/**
 * normalise: RawDocument → Article. PLACEHOLDER implementation (first line = title, blank-line
 * paragraphs) until the rule engine lands; the signature is the contract.
 */
import type { Article } from '../model/article.ts';
import type { Diagnostic } from '../model/diagnostic.ts';
import type { RawDocument } from '../model/raw.ts';
import { slugify } from './slug.ts';

export interface NormaliseResult {
  article: Article;
  diagnostics: Diagnostic[];
}

export function normalise(doc: RawDocument): NormaliseResult {
  const lines = doc.text.split('\n');
  const title = (lines.find((l) => l.trim() !== '') ?? doc.id).trim();
  const blocks: Article['blocks'] = [];
  let start = -1;
  let buf: string[] = [];
  const flush = () => {
    if (buf.length) blocks.push({ type: 'paragraph', text: buf.join(' '), line: start + 1 + doc.lineOffset });
    buf = [];
  };
  lines.forEach((l, i) => {
    if (l.trim() === '') flush();
    else {
      if (!buf.length) start = i;
      buf.push(l.trim());
    }
  });
  flush();
  const wordCount = blocks.reduce((n, b) => n + b.text.split(/\s+/).length, 0);
  const slug = slugify(title) || doc.id.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return {
    article: {
      id: doc.id, slug, path: `artikel/${slug}.html`, sourceFile: doc.sourceFile, sha256: doc.sha256, language: 'de',
      title, titleProvenance: 'extracted', titleEvidence: title, blocks, removed: [], repairs: [], source: null, credits: [],
      declared: {}, wordCount, readingMinutes: Math.max(1, Math.round(wordCount / 200)),
    },
    diagnostics: [],
  };
}
