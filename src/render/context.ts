/**
 * What every page builder gets besides the site model: the compiled theme and `renderPage`,
 * which renders a content template and wraps it in the shared layout (navigation, breadcrumbs,
 * footer, metadata). Page builders of other stages (search, feeds) use the same call.
 */
import { PAGES } from '../index/paths.ts';
import type { SiteSettings } from '../model/knowledge.ts';
import type { Page } from '../model/page.ts';
import type { Theme } from '../model/theme.ts';
import { createEngine, type Engine } from './engine.ts';
import { formatDate, formatNumber, formatRange, plural, readingTime } from './format.ts';
import { breadcrumbList, serializeJsonLd, type Crumb, type JsonLd } from './jsonld.ts';
import { absoluteUrl, relHref, relHrefFrom } from './paths.ts';

export type { Crumb } from './jsonld.ts';

export type Section = 'home' | 'events' | 'timeline' | 'register' | 'quotes' | 'coverage' | 'publishers' | 'search';

/** The main navigation, in order. */
export const NAV: readonly { section: Section; label: string; path: string }[] = [
  { section: 'home', label: 'Start', path: PAGES.home },
  { section: 'events', label: 'Ereignisse', path: PAGES.events },
  { section: 'timeline', label: 'Zeitleiste', path: PAGES.timeline },
  { section: 'register', label: 'Register A–Z', path: PAGES.register },
  { section: 'quotes', label: 'Zitate', path: PAGES.quotes },
  { section: 'coverage', label: 'Berichterstattung', path: PAGES.coverage },
  { section: 'publishers', label: 'Quellen', path: PAGES.publishers },
  { section: 'search', label: 'Suche', path: PAGES.search },
];

export interface PageSpec {
  /** Output path relative to the output folder. */
  path: string;
  /** Content template name (`article` → templates/article.eta). */
  template: string;
  /** The page's own title; the layout appends the site title. */
  title: string;
  description?: string;
  /** Highlighted navigation entry. */
  section: Section | null;
  /** Breadcrumbs after „Start“; the last one is the current page (path null). Empty on the start page. */
  crumbs: Crumb[];
  /** Fields for the content template, next to `it.h`, `it.site` and `it.page`. */
  data: object;
  /** schema.org objects besides the BreadcrumbList the layout adds. */
  jsonLd?: JsonLd[];
  ogType?: 'website' | 'article' | 'profile';
  /** Use absolute links (404.html is served from any depth); only possible with a base URL. */
  absoluteLinks?: boolean;
  /**
   * `data.passages[i].article` is an article id, not its teaser: whoever renders the page puts the
   * teaser in from the site view (render/lazy.ts renderSpecPage), so the view model, which goes to
   * a thread as JSON, does not carry a copy of a teaser per passage (entity pages: about half of
   * their JSON at 10 000 articles).
   */
  passageTeasers?: true;
}

/** Template helpers, bound to the page being rendered. */
export interface Helpers {
  /** What the hrefs depend on: the page's folder (or that links are absolute). Pages with the same scope get the same hrefs. */
  readonly scope: string;
  /** Relative href from this page to another page path (`personen/x.html`, `register.html#b-a`). */
  href(path: string): string;
  date(iso: string): string;
  range(start: string, end: string): string;
  number(n: number): string;
  plural(n: number, one: string, many: string): string;
  readingTime(minutes: number): string;
}

export interface RenderContext {
  theme: Theme;
  engine: Engine;
  /** Render `spec.template` inside the layout → a finished HTML page. */
  renderPage(spec: PageSpec): Page;
  /** Helpers bound to a page path, for builders that prepare hrefs in code. */
  helpers(pagePath: string): Helpers;
}

/** Needs only the site settings (corpus.yml `site`) and the theme: any thread can make one. */
export function createContext(settings: SiteSettings, theme: Theme): RenderContext {
  const engine = createEngine(theme);
  const baseUrl = settings.baseUrl;
  const url = (p: string) => absoluteUrl(baseUrl, p);
  const helpers = (pagePath: string, absolute = false): Helpers => {
    const rel = relHrefFrom(pagePath);
    return {
      scope: absolute ? '\0absolute' : pagePath.slice(0, pagePath.lastIndexOf('/') + 1),
      href: (to) => (absolute ? (url(to) ?? rel(to)) : rel(to)),
      date: formatDate,
      range: formatRange,
      number: formatNumber,
      plural,
      readingTime,
    };
  };
  const siteInfo = { title: settings.title, description: settings.description, language: settings.language };
  return {
    theme,
    engine,
    helpers: (p) => helpers(p),
    renderPage(spec) {
      const h = helpers(spec.path, spec.absoluteLinks === true && baseUrl !== undefined);
      const pageInfo = { path: spec.path, title: spec.title };
      const content = engine.render(spec.template, { ...spec.data, h, site: siteInfo, page: pageInfo });
      const crumbs: Crumb[] = spec.crumbs.length === 0 ? [] : [{ label: 'Start', path: PAGES.home }, ...spec.crumbs];
      const jsonLd = [...(spec.jsonLd ?? [])];
      if (crumbs.length > 0) jsonLd.push(breadcrumbList(crumbs, (p) => url(p) ?? relHref(spec.path, p)));
      const html = engine.render('layout', {
        h,
        site: siteInfo,
        page: {
          ...pageInfo,
          fullTitle: spec.path === PAGES.home ? siteInfo.title : `${spec.title} – ${siteInfo.title}`,
          description: spec.description ?? siteInfo.description,
          canonical: url(spec.path),
          ogType: spec.ogType ?? 'website',
        },
        nav: NAV.map((n) => ({ label: n.label, href: h.href(n.path), current: n.section === spec.section })),
        crumbs: crumbs.map((c) => ({ label: c.label, href: c.path === null ? null : h.href(c.path) })),
        links: { home: h.href(PAGES.home), stylesheet: h.href(PAGES.stylesheet), favicon: h.href(PAGES.favicon), feedAtom: h.href(PAGES.feedAtom), feedJson: h.href(PAGES.feedJson), search: h.href(PAGES.search), report: h.href(PAGES.report) },
        jsonLd: jsonLd.length > 0 ? serializeJsonLd(jsonLd) : null,
        content,
      });
      return { path: spec.path, content: html };
    },
  };
}
