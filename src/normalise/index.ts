/**
 * normalise: RawDocument → Article. Pure and deterministic; never throws on text.
 *
 *   front matter → declared        (declared.ts)
 *   text → units                   (txt.ts | markdown.ts: line rules, title line, duplicates, repairs)
 *   units → blocks                 (blocks.ts: paragraphs, paragraph rules, captions, headings)
 *   title, source, credits, counts (title.ts, source.ts)
 *
 * Rules and vocabularies are data in ./rules/*.json (see docs/normalisation.md).
 */
import type { Article, Block } from '../model/article.ts';
import { diag, type Diagnostic } from '../model/diagnostic.ts';
import type { RawDocument } from '../model/raw.ts';
import { buildBlocks } from './blocks.ts';
import { isSpace, isWordUnit } from './chars.ts';
import { validateDeclared } from './declared.ts';
import { prepareMarkdown } from './markdown.ts';
import { slugify } from './slug.ts';
import { collectCredits, findSource } from './source.ts';
import { inferTitle, splitPublisherSuffix } from './title.ts';
import { prepareText } from './txt.ts';

export interface NormaliseResult {
  article: Article;
  diagnostics: Diagnostic[];
}

/** Words per minute for `readingMinutes`: the usual figure for German news prose. */
const WORDS_PER_MINUTE = 200;

/** A word: a whitespace-delimited token with a letter or digit (`[\p{L}\d]`, by code point) in it. */
function countWords(text: string): number {
  let n = 0;
  let i = 0;
  const len = text.length;
  while (i < len) {
    while (i < len && isSpace(text.charCodeAt(i))) i++;
    if (i >= len) break;
    let word = false;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (isSpace(c)) break;
      if (!word) word = c < 128 ? isWordUnit(text[i]!) : WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
    }
    if (word) n++;
  }
  return n;
}
const WORD_CHAR = /^[\p{L}\d]$/u;

const byLine = <T extends { line: number }>(a: T, b: T) => a.line - b.line;

interface TitleResult {
  title: string;
  provenance: Article['titleProvenance'];
  evidence: string;
  suffix?: { publisher: string; evidence: string };
}

function resolveTitle(doc: RawDocument, declaredTitle: string | undefined, titleLine: { text: string } | undefined, blocks: readonly Block[], diagnostics: Diagnostic[]): TitleResult {
  if (declaredTitle !== undefined) return { title: declaredTitle, provenance: 'declared', evidence: `title: ${declaredTitle}` };
  if (titleLine) {
    const split = splitPublisherSuffix(titleLine.text);
    const result: TitleResult = { title: split.title, provenance: 'extracted', evidence: titleLine.text };
    if (split.publisher) result.suffix = { publisher: split.publisher, evidence: titleLine.text };
    return result;
  }
  const lede = blocks.find((b) => b.type === 'paragraph') ?? blocks[0];
  const inferred = lede ? inferTitle(lede.text) : '';
  const title = inferred || doc.id;
  const d = { hint: 'eine Titelzeile voranstellen oder `title:` im Front Matter setzen' };
  diagnostics.push(diag(doc.sourceFile, 'info', 'normalise', 'title-inferred', `Keine Titelzeile; Titel aus dem Vorspann abgeleitet: „${title}“`, lede ? { line: lede.line, ...d } : d));
  return { title, provenance: 'inferred', evidence: lede ? lede.text.slice(0, 300) : '' };
}

export function normalise(doc: RawDocument): NormaliseResult {
  const diagnostics: Diagnostic[] = [];
  const { declared, diagnostics: declaredDiagnostics } = validateDeclared(doc);
  diagnostics.push(...declaredDiagnostics);

  const prepared = doc.format === 'md' ? prepareMarkdown(doc, declared.title) : prepareText(doc, declared.title);
  diagnostics.push(...prepared.diagnostics);
  const built = buildBlocks(prepared.units, prepared.captionLines);
  const removed = [...prepared.removed, ...built.removed].sort(byLine);
  const repairs = [...prepared.repairs, ...built.repairs].sort(byLine);
  const blocks = built.blocks;

  const t = resolveTitle(doc, declared.title, prepared.titleLine, blocks, diagnostics);
  const source = findSource({ declaredPublisher: declared.publisher, removed, titleSuffix: t.suffix });
  const credits = collectCredits(removed, blocks.filter((b) => b.type === 'paragraph').map((b) => b.text));
  if (blocks.length === 0) {
    diagnostics.push(diag(doc.sourceFile, 'warning', 'normalise', 'no-body', 'Nach dem Entfernen der Seitenelemente bleibt kein Text', { hint: 'prüfen, ob eine Regel zu viel entfernt (siehe removed)' }));
  }

  const wordCount = blocks.reduce((n, b) => n + countWords(b.text), 0);
  const slug = declared.slug ?? (slugify(t.title) || slugify(doc.id));
  return {
    article: {
      id: doc.id,
      slug,
      path: `artikel/${slug}.html`,
      sourceFile: doc.sourceFile,
      sha256: doc.sha256,
      language: 'de',
      title: t.title,
      titleProvenance: t.provenance,
      titleEvidence: t.evidence,
      blocks,
      removed,
      repairs,
      source,
      credits,
      declared,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    },
    diagnostics,
  };
}
