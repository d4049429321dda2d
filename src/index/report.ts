/**
 * The build report: the editor's worklist. What became of every input file, every diagnostic,
 * every inferred field with its evidence, the names not yet in corpus.yml and what normalisation
 * removed per rule. Deterministic (no timestamps, sorted everywhere) so two builds of the same
 * corpus give byte-identical `_build/report.json`.
 */
import type { Diagnostic, Severity } from '../model/diagnostic.ts';
import type { Provenance, Source } from '../model/article.ts';
import type { ArticleDigest } from '../model/digest.ts';
import type { Candidate, Published } from '../model/enriched.ts';
import type { SiteModel } from './index.ts';

export const REPORT_VERSION = 1;

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface ReportArticle {
  id: string;
  title: string;
  path: string;
  titleProvenance: Provenance;
  titleEvidence: string;
  /** null: no date found — the editor should add one (front matter or corpus.yml overrides). */
  published: Published | null;
  /** null: the text names no publisher (never invented). */
  publisher: Source | null;
  event: string | null;
  credits: string[];
  wordCount: number;
  removedLines: number;
  repairs: number;
}

export type ReportFile =
  | { file: string; status: 'article'; article: ReportArticle; counts: SeverityCounts }
  | { file: string; status: 'skipped'; reasons: Diagnostic[]; counts: SeverityCounts };

export type InferredField = 'title' | 'published' | 'publisher';

export interface ReportInferred {
  articleId: string;
  file: string;
  field: InferredField;
  /** null when nothing was found: that is a worklist item, not an omission. */
  value: string | null;
  provenance: Provenance | null;
  evidence: string;
}

export interface ReportCandidate {
  name: string;
  kind: Candidate['kind'];
  /** Occurrences across the corpus. */
  count: number;
  /** Article ids, sorted. */
  articles: string[];
  /** Up to three phrases the name was found in. */
  contexts: string[];
}

export interface ReportRuleCount {
  rule: string;
  /** Lines removed (or repairs made) by this rule across the corpus. */
  count: number;
  /** Number of articles affected. */
  articles: number;
  /** Up to three examples, as written. */
  examples: string[];
}

export interface BuildReport {
  version: number;
  site: { title: string; baseUrl: string | null };
  summary: { files: number; articles: number; skipped: number } & SeverityCounts;
  files: ReportFile[];
  /** Sorted by severity (error, warning, info), then file, line, column, rule. */
  diagnostics: Diagnostic[];
  inferred: ReportInferred[];
  candidates: ReportCandidate[];
  removals: ReportRuleCount[];
  repairs: ReportRuleCount[];
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const rank = (s: Severity) => SEVERITIES.indexOf(s);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const collator = new Intl.Collator('de');

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    rank(a.severity) - rank(b.severity) ||
    cmp(a.file, b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.message, b.message)
  );
}

export function countSeverity(list: readonly Diagnostic[]): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const d of list) c[d.severity]++;
  return c;
}

function reportArticle(a: ArticleDigest): ReportArticle {
  return {
    id: a.id,
    title: a.title,
    path: a.path,
    titleProvenance: a.titleProvenance,
    titleEvidence: a.titleEvidence,
    published: a.published,
    publisher: a.source,
    event: a.event,
    credits: a.credits,
    wordCount: a.wordCount,
    removedLines: a.removed.length,
    repairs: a.repairs.length,
  };
}

function inferredFields(a: ArticleDigest): ReportInferred[] {
  const base = { articleId: a.id, file: a.sourceFile };
  return [
    { ...base, field: 'title', value: a.title, provenance: a.titleProvenance, evidence: a.titleEvidence },
    { ...base, field: 'published', value: a.published?.date ?? null, provenance: a.published?.provenance ?? null, evidence: a.published?.evidence ?? '' },
    { ...base, field: 'publisher', value: a.source?.name ?? null, provenance: a.source?.provenance ?? null, evidence: a.source?.evidence ?? '' },
  ];
}

function aggregateCandidates(articles: readonly ArticleDigest[]): ReportCandidate[] {
  const byKey = new Map<string, ReportCandidate & { ids: Set<string> }>();
  for (const a of articles) {
    for (const c of a.candidates) {
      const key = `${c.kind}\u0000${c.name}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = { name: c.name, kind: c.kind, count: 0, articles: [], contexts: [], ids: new Set() };
        byKey.set(key, entry);
      }
      entry.count++;
      entry.ids.add(a.id);
      if (entry.contexts.length < 3 && !entry.contexts.includes(c.context)) entry.contexts.push(c.context);
    }
  }
  return [...byKey.values()]
    .map(({ ids, ...rest }) => ({ ...rest, articles: [...ids].sort(cmp) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name) || cmp(a.kind, b.kind));
}

function perRule(articles: readonly ArticleDigest[], pick: (a: ArticleDigest) => readonly { rule: string; example: string }[]): ReportRuleCount[] {
  const byRule = new Map<string, ReportRuleCount & { ids: Set<string> }>();
  for (const a of articles) {
    for (const { rule, example } of pick(a)) {
      let entry = byRule.get(rule);
      if (!entry) {
        entry = { rule, count: 0, articles: 0, examples: [], ids: new Set() };
        byRule.set(rule, entry);
      }
      entry.count++;
      entry.ids.add(a.id);
      if (entry.examples.length < 3 && !entry.examples.includes(example)) entry.examples.push(example);
    }
  }
  return [...byRule.values()]
    .map(({ ids, ...rest }) => ({ ...rest, articles: ids.size }))
    .sort((a, b) => b.count - a.count || cmp(a.rule, b.rule));
}

/** How many input files did not become an article: buildReport's `summary.skipped`, without building the report. */
export function skippedFiles(files: readonly string[], articles: readonly { sourceFile: string }[]): number {
  const sources = new Set(articles.map((a) => a.sourceFile));
  return new Set([...files, ...sources]).size - sources.size;
}

export function buildReport(site: SiteModel): BuildReport {
  const diagnostics = [...site.build.diagnostics].sort(compareDiagnostics);
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const bySource = new Map(site.articles.map((a) => [a.sourceFile, a] as const));
  // Every discovered file, plus any article whose source the file list does not know (defensive:
  // a record must never vanish from the worklist).
  const allFiles = [...new Set([...site.build.files, ...bySource.keys()])].sort(cmp);
  const files: ReportFile[] = allFiles.map((file) => {
    const own = byFile.get(file) ?? [];
    const counts = countSeverity(own);
    const article = bySource.get(file);
    if (article) return { file, status: 'article', article: reportArticle(article), counts };
    return { file, status: 'skipped', reasons: own.filter((d) => d.severity !== 'info').concat(own.filter((d) => d.severity === 'info')), counts };
  });
  const articles = [...site.articles].sort((a, b) => cmp(a.sourceFile, b.sourceFile));
  const skipped = files.filter((f) => f.status === 'skipped').length;
  return {
    version: REPORT_VERSION,
    site: { title: site.knowledge.site.title, baseUrl: site.knowledge.site.baseUrl ?? null },
    summary: { files: files.length, articles: site.articles.length, skipped, ...countSeverity(diagnostics) },
    files,
    diagnostics,
    inferred: articles.flatMap(inferredFields),
    candidates: aggregateCandidates(articles),
    removals: perRule(articles, (a) => a.removed.map((r) => ({ rule: r.rule, example: r.text }))),
    repairs: perRule(articles, (a) => a.repairs.map((r) => ({ rule: r.rule, example: `${r.before} → ${r.after}` }))),
  };
}
