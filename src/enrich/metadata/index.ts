/**
 * Editor overrides from corpus.yml, keyed by source file: `publisher` becomes the article's
 * `source` and `title` its title, both marked `declared` — what an editor knows beats what the
 * text suggests. The `date` override is read by dates/ (resolvePublished), where the order of
 * date sources lives. Front matter `publisher` counts as declared too when no override names one.
 */
import type { Article } from '../../model/article.ts';
import { diag, type Diagnostic } from '../../model/diagnostic.ts';
import type { CompiledKnowledge } from '../knowledge.ts';

// Copies by Object.assign (same keys, same order as a spread; a spread adding keys takes V8's slow
// clone path, see ../index.ts).
export function applyOverrides(article: Article, ck: CompiledKnowledge, diagnostics: Diagnostic[]): Article {
  const o = ck.knowledge.overrides[article.sourceFile];
  let out = article;
  const where = `corpus.yml, overrides „${article.sourceFile}“`;
  if (o?.publisher !== undefined) {
    if (article.source && article.source.name !== o.publisher) {
      diagnostics.push(diag(article.sourceFile, 'info', 'enrich', 'override-publisher', `Herausgeber „${article.source.name}“ (${article.source.evidence}) durch „${o.publisher}“ aus corpus.yml ersetzt`));
    }
    out = Object.assign({}, out, { source: { name: o.publisher, provenance: 'declared' as const, evidence: `${where}: publisher` } });
  } else if (article.declared.publisher !== undefined && article.source?.provenance !== 'declared') {
    out = Object.assign({}, out, { source: { name: article.declared.publisher, provenance: 'declared' as const, evidence: `Front Matter: publisher` } });
  }
  if (o?.title !== undefined) {
    out = Object.assign({}, out, { title: o.title, titleProvenance: 'declared' as const, titleEvidence: `${where}: title (statt „${article.title}“)` });
  }
  return out;
}
