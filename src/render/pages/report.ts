/**
 * The build report as pages: `_build/report.json` (the model from src/index/report.ts, for
 * tools) and `_build/bericht.html` (templates/report.eta inside the shared layout, for editors).
 * The HTML needs no script: problems come pre-sorted in one section per severity, errors first.
 */
import type { SiteModel } from '../../index/index.ts';
import { buildReport, SEVERITIES, type BuildReport, type ReportInferred } from '../../index/report.ts';
import type { Provenance } from '../../model/article.ts';
import type { Diagnostic, Severity } from '../../model/diagnostic.ts';
import type { LazyPage, Page, PartedPage } from '../../model/page.ts';
import type { PageSpec } from '../context.ts';
import { jsonParts } from '../json-chunks.ts';
import { oncePerSite } from './shared.ts';

export const REPORT_JSON = '_build/report.json';
export const REPORT_HTML = '_build/bericht.html';

/** The part of the render context this builder uses (src/render/context.ts provides it). */
export interface ReportRenderer {
  helpers(pagePath: string): { href(path: string): string };
  renderPage(spec: PageSpec): Page;
}

/** Both pages need the same report; build it once per site model. */
export const reportOf: (site: SiteModel) => BuildReport = oncePerSite(buildReport);

/** report.json as keyed parts, once per site model: its key is a hash of the whole report, which bericht.html shows. */
const reportParts = oncePerSite((site) => jsonParts(reportOf(site), { tail: '\n' }));

/**
 * In keyed parts: the report lists every file and diagnostic, so it grows with the corpus (21 MB
 * at 10 000 articles), and one edit changes a few of its entries — a rebuild copies the rest from
 * the previous file (write/ writeParts) instead of stringifying and writing it all again.
 */
export function* reportJsonPages(site: SiteModel): Generator<PartedPage> {
  const { key, file } = reportParts(site);
  yield { kind: 'parts', path: REPORT_JSON, key, file };
}

export const PROVENANCE_LABEL: Readonly<Record<Provenance, string>> = { declared: 'angegeben', extracted: 'aus dem Text', inferred: 'erschlossen' };
export const SEVERITY_LABEL: Readonly<Record<Severity, { heading: string; one: string; id: string }>> = {
  error: { heading: 'Fehler', one: 'Fehler', id: 'fehler' },
  warning: { heading: 'Warnungen', one: 'Warnung', id: 'warnungen' },
  info: { heading: 'Hinweise', one: 'Hinweis', id: 'hinweise' },
};
const FIELD_LABEL: Readonly<Record<ReportInferred['field'], string>> = { title: 'Titel', published: 'Datum', publisher: 'Quelle' };

const where = (d: Diagnostic) => `${d.file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`;
const cell = (value: string | null, provenance: Provenance | null, evidence: string) => ({
  value,
  provenance: provenance ? PROVENANCE_LABEL[provenance] : null,
  /** Shown as "to check" in the page: missing or guessed. */
  attention: value === null || provenance === 'inferred',
  evidence,
});

/** What templates/report.eta receives as `it.report` (plus `it.h`, `it.site`, `it.page` from the layout). */
export function reportView(report: BuildReport, href: (path: string) => string) {
  const inferredByArticle = new Map<string, ReportInferred[]>();
  for (const i of report.inferred) inferredByArticle.set(i.articleId, [...(inferredByArticle.get(i.articleId) ?? []), i]);
  return {
    summary: report.summary,
    severities: SEVERITIES.map((s) => {
      const items = report.diagnostics.filter((d) => d.severity === s);
      return { severity: s, ...SEVERITY_LABEL[s], count: items.length, items: items.map((d) => ({ where: where(d), stage: d.stage, ruleId: d.ruleId, message: d.message, hint: d.hint ?? null })) };
    }),
    files: report.files.map((f) => {
      const counts = f.counts;
      if (f.status === 'skipped') {
        return { file: f.file, skipped: true, title: null, href: null, reasons: f.reasons.map((d) => `${d.message}${d.hint ? ` (${d.hint})` : ''}`), counts, fields: [] };
      }
      const fields = (inferredByArticle.get(f.article.id) ?? []).map((i) => ({ field: i.field, label: FIELD_LABEL[i.field], ...cell(i.value, i.provenance, i.evidence) }));
      return { file: f.file, skipped: false, title: f.article.title, href: href(f.article.path), reasons: [], counts, fields };
    }),
    candidates: report.candidates,
    removals: report.removals,
    repairs: report.repairs,
  };
}

export type ReportView = ReturnType<typeof reportView>;

/**
 * Lazy, keyed by report.json's key: the page shows the report and nothing else that changes
 * (reportView is a function of the report; paths are the report's own), so a rebuild whose
 * report is unchanged links the previous file without building the view. When it is made, it is
 * made here, on this thread: as a spec page its view (~10 MB of HTML at 10 000 articles) would be
 * copied to a thread as JSON and the page back, at the end of the build, when memory peaks.
 */
export function* reportHtmlPages(site: SiteModel, ctx: ReportRenderer): Generator<LazyPage> {
  const page: LazyPage = {
    path: REPORT_HTML,
    key: `report:${reportParts(site).key}`,
    render: () => {
      const h = ctx.helpers(REPORT_HTML);
      return ctx.renderPage({
        path: REPORT_HTML,
        template: 'report',
        title: 'Build-Bericht',
        description: 'Was der Build aus jeder Eingabedatei gemacht hat: Meldungen, erschlossene Angaben mit Beleg, unbekannte Namen – die Arbeitsliste der Redaktion.',
        section: null,
        crumbs: [{ label: 'Build-Bericht', path: null }],
        data: { report: reportView(reportOf(site), (p) => h.href(p)) },
      }).content;
    },
  };
  yield page;
}
