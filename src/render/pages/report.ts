/**
 * The build report as pages: `_build/report.json` (the model from src/index/report.ts, for
 * tools) and `_build/bericht.html` (templates/report.eta inside the shared layout, for editors).
 * The HTML needs no script: problems come pre-sorted in one section per severity, errors first.
 */
import type { SiteModel } from '../../index/index.ts';
import { buildReport, SEVERITIES, type BuildReport, type ReportInferred } from '../../index/report.ts';
import type { Provenance } from '../../model/article.ts';
import type { Diagnostic, Severity } from '../../model/diagnostic.ts';
import type { PartedPage, SpecPage } from '../../model/page.ts';
import { jsonParts } from '../json-chunks.ts';
import { specPage } from '../lazy.ts';

export const REPORT_JSON = '_build/report.json';
export const REPORT_HTML = '_build/bericht.html';

/** The part of the render context this builder uses (src/render/context.ts provides it). */
export interface ReportRenderer {
  helpers(pagePath: string): { href(path: string): string };
}

/** Both pages need the same report; build it once per site model. */
const cache = new WeakMap<SiteModel, BuildReport>();
export function reportOf(site: SiteModel): BuildReport {
  let r = cache.get(site);
  if (!r) {
    r = buildReport(site);
    cache.set(site, r);
  }
  return r;
}

/**
 * In keyed parts: the report lists every file and diagnostic, so it grows with the corpus (21 MB
 * at 10 000 articles), and one edit changes a few of its entries — a rebuild copies the rest from
 * the previous file (write/ writeParts) instead of stringifying and writing it all again.
 */
export function* reportJsonPages(site: SiteModel): Generator<PartedPage> {
  const { key, file } = jsonParts(reportOf(site), { tail: '\n' });
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

/** A spec page: keyed by its view model, so an edit that leaves the worklist as it was does not render it again, and when it does, a worker thread renders it. */
export function* reportHtmlPages(site: SiteModel, ctx: ReportRenderer): Generator<SpecPage> {
  const report = reportOf(site);
  const h = ctx.helpers(REPORT_HTML);
  yield specPage({
    path: REPORT_HTML,
    template: 'report',
    title: 'Build-Bericht',
    description: 'Was der Build aus jeder Eingabedatei gemacht hat: Meldungen, erschlossene Angaben mit Beleg, unbekannte Namen – die Arbeitsliste der Redaktion.',
    section: null,
    crumbs: [{ label: 'Build-Bericht', path: null }],
    data: { report: reportView(report, (p) => h.href(p)) },
  });
}
