/**
 * Article pages: artikel/<slug>.html, one per article. The page is built where the full record is
 * read (a worker thread for big corpora): `articlePages` only names the records (ArticlePage), and
 * `articleSpec` makes the view model from the record and the site view (site-view.ts). When the
 * record's input is known (a build with its cache) the page is keyed by its inputs before the
 * record is read (`articleInputKey`); otherwise like any spec page — the view model without the
 * body, plus what the body reads: the record's fingerprint and the paths of the entities it links.
 */
import type { SiteModel } from '../../index/index.ts';
import { PAGES } from '../../index/paths.ts';
import { patchOf } from '../../index/digest.ts';
import type { EnrichedArticle, EntityType } from '../../model/enriched.ts';
import type { ArticlePage, SpecPage } from '../../model/page.ts';
import type { RenderContext } from '../context.ts';
import { loadRecord, recordFingerprint, recordKey, renderSpecPage, specKey, specPage, textKey, type SpecEnv } from '../lazy.ts';
import { absoluteUrl } from '../paths.ts';
import { entityLink, MAX_CARRIERS, TYPE_LABELS, viewTeaser, type EntityLink, type QuoteCard, type Teaser } from './shared.ts';
import type { QuoteGroupFields, SiteView } from './site-view.ts';

const PROVENANCE: Record<string, string> = { declared: 'angegeben', extracted: 'aus dem Text', inferred: 'erschlossen' };

export function* articlePages(site: SiteModel): Generator<ArticlePage> {
  for (const a of site.articles) {
    const loc = site.build.locs?.get(a.id);
    const input = site.build.inputs?.get(a.id);
    if (!loc) continue;
    const page: ArticlePage = { kind: 'article', path: a.path, source: { loc, patch: patchOf(a) } };
    if (input !== undefined) {
      page.input = input;
      page.reads = { record: recordKey(site, a), entities: a.entities.map((e) => e.id), events: a.event !== null ? [a.event, ...a.mentionedEvents] : a.mentionedEvents, quotes: a.quotes.length };
    }
    yield page;
  }
}

/**
 * The key of an article page from its inputs, before its record is read (undefined without
 * `page.reads`): the record's fingerprint — the source file and its bytes fix the record, the
 * writer's salt the code, templates and corpus.yml — and every value articleSpec looks up in the
 * site view for it, looked up here the same way. Equal keys mean equal pages, so a rebuild links an
 * unchanged article page without reading or parsing its record. test/render/article-key.test.ts
 * checks that articleSpec reads nothing of the view this key does not, and entity-key.test.ts that
 * rebuilds after edits equal cold builds.
 */
export function articleInputKey(page: ArticlePage, view: SiteView): string | undefined {
  const r = page.reads;
  if (r === undefined) return undefined;
  const id = page.source.patch.id;
  let text = `${r.record}\0${view.baseUrl ?? ''}`;
  const entity = (eid: string | null) => {
    text += eid === null ? '\0e' : `\0e${fieldsJson(view.entity(eid))}`;
  };
  const teaser = (tid: string) => {
    text += `\0t${fieldsJson(view.teaser(tid))}`;
  };
  for (const e of r.entities) entity(e);
  for (const ev of r.events) text += `\0v${fieldsJson(view.event(ev))}`;
  for (let i = 0; i < r.quotes; i++) {
    const g = view.quoteGroup(id, i);
    text += `\0q${fieldsJson(g)}`;
    if (!g) continue;
    entity(g.speakerId);
    for (const c of g.carriers) teaser(c);
  }
  text += `\0p${fieldsJson(view.publisher(id))}`;
  for (const rel of view.related(id)) {
    text += `\0r${fieldsJson(rel)}`;
    teaser(rel.id);
    for (const e of rel.sharedEntities) entity(e);
  }
  return `a:${textKey(text)}`;
}

/** The same site-view objects recur on thousands of pages: their JSON once per object (per thread). */
const jsonMemo = new WeakMap<object, string>();
function fieldsJson(value: object | undefined): string {
  if (value === undefined) return '-';
  let json = jsonMemo.get(value);
  if (json === undefined) jsonMemo.set(value, (json = JSON.stringify(value)));
  return json;
}

/**
 * Quotation cards repeat across article pages (the bench corpus: ~60 teasers and cards per page)
 * and depend only on the link scope (the page's folder): memoised per site-view object and scope.
 */
const cardMemo = new WeakMap<QuoteGroupFields, Map<string, Omit<QuoteCard, 'carriers'> & { carriers: { article: Teaser }[] }>>();

/**
 * The article page of a full record (patched by the corpus stages), as a spec page with its body
 * source. `keyed: false`: the caller keys the page by its inputs (articleInputKey) and never asks
 * the spec for its key, so the record's fingerprint for it is not worked out.
 */
export function articleSpec(view: SiteView, ctx: RenderContext, a: EnrichedArticle, source: ArticlePage['source'], input?: string, keyed = true): SpecPage {
  const h = ctx.helpers(a.path);
  const groups = (['person', 'place', 'organisation'] as const satisfies readonly EntityType[]).map((type) => ({
    type,
    label: TYPE_LABELS[type].many,
    items: a.entities
      .filter((r) => r.type === type)
      .sort((x, y) => y.mentions - x.mentions || (x.name < y.name ? -1 : 1))
      .flatMap((r) => {
        const e = view.entity(r.id);
        return e ? [{ ...entityLink(e, h), mentions: r.mentions }] : [];
      }),
  })).filter((g) => g.items.length > 0);
  const eventInfo = (id: string) => {
    const ev = view.event(id);
    return ev ? { name: ev.name, href: h.href(ev.path), range: h.range(ev.start, ev.end) } : null;
  };
  const own = h.href(a.path);
  const dir = h.scope;
  const card = (g: QuoteGroupFields) => {
    let byDir = cardMemo.get(g);
    if (!byDir) cardMemo.set(g, (byDir = new Map()));
    let c = byDir.get(dir);
    if (!c) {
      const speaker = g.speakerId !== null ? view.entity(g.speakerId) : undefined;
      c = {
        text: g.text,
        speaker: speaker ? entityLink(speaker, h) : null,
        speakerName: speaker?.name ?? g.speakerName,
        evidence: g.evidence,
        moreCarriers: Math.max(0, g.size - MAX_CARRIERS),
        carriers: g.carriers.flatMap((id) => {
          const t = view.teaser(id);
          return t ? [{ article: viewTeaser(t, h) }] : [];
        }),
      };
      byDir.set(dir, c);
    }
    return c;
  };
  const otherOutlets = a.quotes.flatMap((_, index): QuoteCard[] => {
    const g = view.quoteGroup(a.id, index);
    if (!g) return [];
    const c = card(g);
    return [{ ...c, carriers: c.carriers.filter((x) => x.article.href !== own) }];
  });
  const pub = view.publisher(a.id);
  const publisher = pub ? { name: pub.name ?? 'Quelle unbekannt', href: h.href(pub.path) } : null;
  const related = view.related(a.id).flatMap((r) => {
    const b = view.teaser(r.id);
    if (!b) return [];
    const shared: EntityLink[] = r.sharedEntities.flatMap((id) => {
      const e = view.entity(id);
      return e ? [entityLink(e, h)] : [];
    });
    return [{ ...viewTeaser(b, h), shared }];
  });
  const data = {
    article: {
      title: a.title,
      titleInferred: a.titleProvenance === 'inferred',
      titleEvidence: a.titleEvidence,
      publisher: a.source && publisher ? { ...publisher, provenance: PROVENANCE[a.source.provenance] ?? a.source.provenance, inferred: a.source.provenance === 'inferred', evidence: a.source.evidence } : null,
      date: a.published ? { iso: a.published.date, text: h.date(a.published.date), provenance: PROVENANCE[a.published.provenance] ?? a.published.provenance, inferred: a.published.provenance === 'inferred', evidence: a.published.evidence } : null,
      readingTime: h.readingTime(a.readingMinutes),
      wordCount: h.number(a.wordCount),
      credits: a.credits,
      sourceFile: a.sourceFile,
    },
    event: a.event !== null ? eventInfo(a.event) : null,
    mentionedEvents: a.mentionedEvents.filter((id) => id !== a.event).flatMap((id) => eventInfo(id) ?? []),
    entityGroups: groups,
    related,
    otherOutlets,
  };
  const baseUrl = view.baseUrl;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    inLanguage: a.language,
    wordCount: a.wordCount,
    ...(a.published ? { datePublished: a.published.date } : {}),
    ...(a.source ? { publisher: { '@type': 'Organization', name: a.source.name } } : {}),
    ...(absoluteUrl(baseUrl, a.path) !== null ? { url: absoluteUrl(baseUrl, a.path), mainEntityOfPage: absoluteUrl(baseUrl, a.path) } : {}),
    ...(a.entities.length > 0 ? { mentions: a.entities.map((e) => ({ '@type': SCHEMA_TYPES[e.type], name: e.name })) } : {}),
  };
  const first = a.blocks.find((b) => b.type === 'paragraph');
  const entityPaths = a.entities.map((r) => view.entity(r.id)?.path ?? null);
  return specPage({
    path: a.path,
    template: 'article',
    title: a.title,
    description: first ? clip(first.text, 200) : a.title,
    section: null,
    crumbs: [
      publisher && pub ? { label: publisher.name, path: pub.path } : { label: 'Quellen', path: PAGES.publishers },
      { label: a.title, path: null },
    ],
    data,
    jsonLd: [jsonLd],
    ogType: 'article',
  }, keyed ? { record: recordFingerprint(input, a), entityPaths } : undefined, { ...source, entityPaths });
}

/** An article page where its record is read: its key, and how to render it (not called when the key is unchanged). */
export function articlePageSpec(page: ArticlePage, env: SpecEnv): { key: string; render: () => string } {
  if (!env.records || !env.view) throw new Error(`render: ${page.path} braucht Datensatzspeicher und Seitenansicht`);
  const records = env.records;
  const view = env.view;
  // Keyed by its inputs: the record is read only when the page is rendered.
  const inputKey = articleInputKey(page, view);
  const make = () => {
    const record = loadRecord(records, page.source);
    const spec = articleSpec(view, env.ctx, record, page.source, page.input, inputKey === undefined);
    return { spec, record };
  };
  if (inputKey !== undefined) {
    return {
      key: inputKey,
      render: () => {
        const { spec, record } = make();
        return renderSpecPage(spec, env, record);
      },
    };
  }
  const { spec, record } = make();
  return { key: specKey(spec), render: () => renderSpecPage(spec, env, record) };
}

export const SCHEMA_TYPES: Readonly<Record<EntityType, string>> = { person: 'Person', place: 'Place', organisation: 'Organization' };

const clip = (s: string, n: number): string => (s.length <= n ? s : `${s.slice(0, s.lastIndexOf(' ', n) > n / 2 ? s.lastIndexOf(' ', n) : n)} …`);
