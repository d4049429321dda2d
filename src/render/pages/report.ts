/**
 * The build report as pages: `_build/report.json` (the model from src/index/report.ts, for
 * tools) and `_build/bericht.html` (templates/report.eta inside the shared layout, for editors).
 * The HTML needs no script: problems come pre-sorted in one section per severity, errors first.
 */
import type { SiteModel } from '../../index/index.ts';
import { buildReport, SEVERITIES, type BuildReport, type ReportInferred } from '../../index/report.ts';
import type { Provenance } from '../../model/article.ts';
import type { Diagnostic, Severity } from '../../model/diagnostic.ts';
import type { LazyPage, Page, PartedPage, SpecPage } from '../../model/page.ts';
import type { PageSpec } from '../context.ts';
import type { Helpers } from '../context.ts';
import { jsonParts } from '../json-chunks.ts';
import { specPage } from '../lazy.ts';
import { pagePath, pageTitle, paginationView } from './paginate.ts';
import { oncePerSite } from './shared.ts';

export const REPORT_JSON = '_build/report.json';
export const REPORT_HTML = '_build/bericht.html';

/** The part of the render context this builder uses (src/render/context.ts provides it). */
export interface ReportRenderer {
  helpers(pagePath: string): Helpers;
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

/**
 * Rows per page of the report's two long sections, the messages of each severity and the files:
 * both grow with the corpus (at 100 000 articles ~100 000 rows each, bericht.html in one piece was
 * ~100 MB of HTML — more than a browser opens, and ~0.5 GB of memory at the end of the build).
 * Page 1 of each is its section in bericht.html; the rest are `_build/bericht-<section>.seite-<n>.html`
 * (reportPartPages). A corpus with fewer rows gets bericht.html alone, as before.
 */
export const REPORT_ROWS_PER_PAGE = 500;

/** Where page n of a section is: page 1 is the section in bericht.html. */
export const reportSectionPath = (id: string, n: number): string => (n <= 1 ? `${REPORT_HTML}#${id}` : pagePath(`_build/bericht-${id}.html`, n));

const diagnosticRow = (d: Diagnostic) => ({ where: where(d), stage: d.stage, ruleId: d.ruleId, message: d.message, hint: d.hint ?? null });

/** One row group of the files table: the file, what became of it and its inferred fields. */
function fileRow(f: BuildReport['files'][number], inferred: ReadonlyMap<string, ReportInferred[]>, href: (path: string) => string) {
  const counts = f.counts;
  if (f.status === 'skipped') {
    return { file: f.file, skipped: true, title: null, href: null, reasons: f.reasons.map((d) => `${d.message}${d.hint ? ` (${d.hint})` : ''}`), counts, fields: [] };
  }
  const fields = (inferred.get(f.article.id) ?? []).map((i) => ({ field: i.field, label: FIELD_LABEL[i.field], ...cell(i.value, i.provenance, i.evidence) }));
  return { file: f.file, skipped: false, title: f.article.title, href: href(f.article.path), reasons: [], counts, fields };
}

/** The report's long sections: per severity its messages (sorted), and the files. */
function sections(report: BuildReport) {
  const bySeverity = new Map<Severity, Diagnostic[]>(SEVERITIES.map((s) => [s, []]));
  for (const d of report.diagnostics) bySeverity.get(d.severity)?.push(d);
  const inferred = new Map<string, ReportInferred[]>();
  for (const i of report.inferred) {
    const list = inferred.get(i.articleId);
    if (list) list.push(i);
    else inferred.set(i.articleId, [i]);
  }
  return { bySeverity, inferred };
}

/** What templates/report.eta receives as `it.report` (plus `it.h`, `it.site`, `it.page` from the layout). `per`: REPORT_ROWS_PER_PAGE (tests use less). */
export function reportView(report: BuildReport, h: Pick<Helpers, 'href'>, per = REPORT_ROWS_PER_PAGE) {
  const { bySeverity, inferred } = sections(report);
  const href = (p: string) => h.href(p);
  const firstPage = (id: string, total: number) => paginationView(REPORT_HTML, { number: 1, count: Math.max(1, Math.ceil(total / per)) }, h, (n) => reportSectionPath(id, n));
  return {
    summary: report.summary,
    severities: SEVERITIES.map((s) => {
      const items = bySeverity.get(s) ?? [];
      const label = SEVERITY_LABEL[s];
      return { severity: s, ...label, count: items.length, items: items.slice(0, per).map(diagnosticRow), pagination: firstPage(label.id, items.length) };
    }),
    files: report.files.slice(0, per).map((f) => fileRow(f, inferred, href)),
    filesTotal: report.files.length,
    filesPagination: firstPage(FILES_ID, report.files.length),
    candidates: report.candidates,
    removals: report.removals,
    repairs: report.repairs,
  };
}

const FILES_ID = 'dateien';

/**
 * Pages 2… of the long sections, as spec pages keyed by their view model: each shows its slice of
 * one section, so a rebuild makes again only the pages whose rows changed, and no page holds more
 * than `per` rows. None for a corpus whose sections fit on bericht.html.
 */
export function* reportPartPages(site: SiteModel, ctx: ReportRenderer, per = REPORT_ROWS_PER_PAGE): Generator<SpecPage> {
  const report = reportOf(site);
  const { bySeverity, inferred } = sections(report);
  const lists: { id: string; heading: string; count: number; slice: (from: number, to: number, h: Pick<Helpers, 'href'>) => object }[] = [
    ...SEVERITIES.map((s) => {
      const items = bySeverity.get(s) ?? [];
      return { id: SEVERITY_LABEL[s].id, heading: SEVERITY_LABEL[s].heading, count: items.length, slice: (from: number, to: number) => ({ severity: s, items: items.slice(from, to).map(diagnosticRow) }) };
    }),
    { id: FILES_ID, heading: 'Dateien und erschlossene Angaben', count: report.files.length, slice: (from, to, h) => ({ files: report.files.slice(from, to).map((f) => fileRow(f, inferred, (p) => h.href(p))) }) },
  ];
  for (const list of lists) {
    const count = Math.ceil(list.count / per);
    for (let n = 2; n <= count; n++) {
      const path = reportSectionPath(list.id, n);
      const h = ctx.helpers(path);
      const from = (n - 1) * per;
      const to = Math.min(list.count, n * per);
      const page = { number: n, count };
      yield specPage({
        path,
        template: 'report-part',
        title: pageTitle(`Build-Bericht: ${list.heading}`, page),
        description: `${list.heading} im Build-Bericht, Einträge ${from + 1} bis ${to} von ${list.count}.`,
        section: null,
        crumbs: [{ label: 'Build-Bericht', path: REPORT_HTML }, { label: `${list.heading}, Seite ${n}`, path: null }],
        data: {
          part: {
            id: list.id,
            heading: list.heading,
            count: list.count,
            range: `Seite ${n} von ${count}: Einträge ${h.number(from + 1)}–${h.number(to)}`,
            back: h.href(REPORT_HTML),
            pagination: paginationView(REPORT_HTML, page, h, (k) => reportSectionPath(list.id, k)),
            ...list.slice(from, to, h),
          },
        },
      });
    }
  }
}

export type ReportView = ReturnType<typeof reportView>;

/**
 * bericht.html: lazy, keyed by report.json's key: the page shows the report and nothing else that
 * changes (reportView is a function of the report; paths are the report's own), so a rebuild whose
 * report is unchanged links the previous file without building the view. Made here, on this
 * thread, when it is made; since its long sections show at most REPORT_ROWS_PER_PAGE rows (the
 * rest are spec pages of their own, reportPartPages) it stays small at any corpus size.
 */
/** `per`: rows per page of the long sections (REPORT_ROWS_PER_PAGE; tests use less). */
export function* reportHtmlPages(site: SiteModel, ctx: ReportRenderer, per = REPORT_ROWS_PER_PAGE): Generator<LazyPage | SpecPage> {
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
        data: { report: reportView(reportOf(site), h, per) },
      }).content;
    },
  };
  yield page;
  yield* reportPartPages(site, ctx, per);
}
