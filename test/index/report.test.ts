/** The build report model: every file accounted for, sorting, aggregation, determinism. */
import { describe, expect, it } from 'vitest';
import { buildReport, skippedFiles, compareDiagnostics } from '../../src/index/report.ts';
import type { SiteModel } from '../../src/index/index.ts';
import { diag, type Diagnostic } from '../../src/model/diagnostic.ts';
import { EnrichedArticleSchema, type EnrichedArticle } from '../../src/model/enriched.ts';

function article(id: string, extra: Partial<EnrichedArticle> = {}): EnrichedArticle {
  const a: EnrichedArticle = {
    id,
    slug: id,
    path: `artikel/${id}.html`,
    sourceFile: `${id}.txt`,
    sha256: '0'.repeat(64),
    language: 'de',
    title: `Titel ${id}`,
    titleProvenance: 'extracted',
    titleEvidence: `Titel ${id}`,
    blocks: [{ type: 'paragraph', text: 'Text.', line: 3 }],
    removed: [],
    repairs: [],
    source: null,
    credits: [],
    declared: {},
    wordCount: 1,
    readingMinutes: 1,
    published: null,
    event: null,
    mentionedEvents: [],
    entities: [],
    quotes: [],
    candidates: [],
    ...extra,
  };
  return EnrichedArticleSchema.parse(a); // the fixtures must be valid records, or the test proves nothing
}

/** Only what buildReport reads; the rest of SiteModel belongs to the index stage. */
function site(articles: EnrichedArticle[], files: string[], diagnostics: Diagnostic[]): SiteModel {
  const partial = { knowledge: { site: { title: 'T', description: '', language: 'de' }, entities: [], events: [], overrides: {} }, articles, build: { files, diagnostics } };
  return partial as unknown as SiteModel; // buildReport only touches knowledge.site, articles and build
}

const a1 = article('a1', {
  published: { date: '2024-06-19', provenance: 'extracted', evidence: 'Pjöngjang, 19. Juni 2024' },
  source: { name: 'Tagesblatt', provenance: 'extracted', evidence: '© Tagesblatt' },
  removed: [
    { line: 2, text: 'Teilen auf Facebook', rule: 'share-buttons' },
    { line: 9, text: 'Werbung', rule: 'ads' },
    { line: 12, text: 'Teilen auf X', rule: 'share-buttons' },
  ],
  repairs: [{ line: 4, before: 'Putinwird', after: 'Putin wird', rule: 'glued-words' }],
  candidates: [
    { name: 'Koh Yu-hwan', kind: 'person', context: 'Professor Koh Yu-hwan', block: 0 },
    { name: 'Koh Yu-hwan', kind: 'person', context: 'sagte Koh Yu-hwan', block: 0 },
  ],
});
const a2 = article('a2', {
  published: { date: '2024-06-18', provenance: 'inferred', evidence: '„am Dienstag“ verankert an Ereignis 2024-06-pjoengjang' },
  removed: [{ line: 1, text: 'Teilen auf Facebook', rule: 'share-buttons' }],
  candidates: [
    { name: 'Koh Yu-hwan', kind: 'person', context: 'Professor Koh Yu-hwan', block: 0 },
    { name: 'Äbte-Verband', kind: 'organisation', context: 'der Äbte-Verband', block: 0 },
  ],
});
const diagnostics = [
  diag('a2.txt', 'info', 'normalise', 'caption-dedupe', 'Bildunterschrift doppelt; einmal behalten', { line: 5 }),
  diag('leer.txt', 'warning', 'ingest', 'empty', 'Datei ist leer', { hint: 'Text ergänzen' }),
  diag('a1.txt', 'warning', 'enrich', 'date-missing', 'kein Datum', { line: 1 }),
  diag('corpus.yml', 'error', 'config', 'unknown-ref', 'unbekannte Entität', { line: 7, column: 3 }),
];
const report = buildReport(site([a2, a1], ['a1.txt', 'a2.txt', 'leer.txt'], diagnostics));

describe('buildReport', () => {
  it('accounts for every input file: article or skipped with the reason', () => {
    expect(report.files.map((f) => [f.file, f.status])).toEqual([
      ['a1.txt', 'article'],
      ['a2.txt', 'article'],
      ['leer.txt', 'skipped'],
    ]);
    const skipped = report.files[2];
    expect(skipped?.status === 'skipped' && skipped.reasons.map((d) => d.ruleId)).toEqual(['empty']);
    expect(report.summary).toEqual({ files: 3, articles: 2, skipped: 1, error: 1, warning: 2, info: 1 });
  });

  it('skippedFiles (the CLI summary’s count) agrees with the report, also for an article outside the file list', () => {
    expect(skippedFiles(['a1.txt', 'a2.txt', 'leer.txt'], [a2, a1])).toBe(report.summary.skipped);
    expect(skippedFiles([], [a1])).toBe(buildReport(site([a1], [], [])).summary.skipped);
    expect(skippedFiles(['x.txt', 'y.txt'], [])).toBe(2);
  });

  it('keeps an article whose source the file list does not know (nothing vanishes)', () => {
    const r = buildReport(site([a1], [], []));
    expect(r.files.map((f) => f.file)).toEqual(['a1.txt']);
  });

  it('sorts diagnostics by severity, then file and line', () => {
    expect(report.diagnostics.map((d) => `${d.severity} ${d.file}`)).toEqual(['error corpus.yml', 'warning a1.txt', 'warning leer.txt', 'info a2.txt']);
    expect([...diagnostics].sort(compareDiagnostics)).toEqual(report.diagnostics);
  });

  it('lists title, date and publisher of every article with provenance and evidence, null when missing', () => {
    expect(report.inferred).toHaveLength(6);
    expect(report.inferred.find((i) => i.articleId === 'a1' && i.field === 'published')).toEqual({
      articleId: 'a1', file: 'a1.txt', field: 'published', value: '2024-06-19', provenance: 'extracted', evidence: 'Pjöngjang, 19. Juni 2024',
    });
    expect(report.inferred.find((i) => i.articleId === 'a2' && i.field === 'publisher')).toMatchObject({ value: null, provenance: null, evidence: '' });
    const a1file = report.files[0];
    expect(a1file?.status === 'article' && a1file.article).toMatchObject({ publisher: { name: 'Tagesblatt' }, removedLines: 3, repairs: 1 });
  });

  it('aggregates name candidates across articles with counts, most frequent first', () => {
    expect(report.candidates).toEqual([
      { name: 'Koh Yu-hwan', kind: 'person', count: 3, articles: ['a1', 'a2'], contexts: ['Professor Koh Yu-hwan', 'sagte Koh Yu-hwan'] },
      { name: 'Äbte-Verband', kind: 'organisation', count: 1, articles: ['a2'], contexts: ['der Äbte-Verband'] },
    ]);
  });

  it('counts removed lines and repairs per rule', () => {
    expect(report.removals).toEqual([
      { rule: 'share-buttons', count: 3, articles: 2, examples: ['Teilen auf Facebook', 'Teilen auf X'] },
      { rule: 'ads', count: 1, articles: 1, examples: ['Werbung'] },
    ]);
    expect(report.repairs).toEqual([{ rule: 'glued-words', count: 1, articles: 1, examples: ['Putinwird → Putin wird'] }]);
  });

  it('is deterministic: input order does not change the JSON', () => {
    const again = buildReport(site([a1, a2], ['leer.txt', 'a2.txt', 'a1.txt'], [...diagnostics].reverse()));
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
  });
});
