/**
 * Pages as view models (model/page.ts SpecPage): a page builder computes the page's whole view
 * model (the PageSpec — plain JSON data: titles, hrefs, teasers, formatted dates) and leaves the
 * template run, the layout and the bytes to `renderSpecPage`, which any thread can run. The key
 * of a spec page is a hash of its spec and `extra`: the writer skips rendering when the previous
 * build wrote the same path with the same key (docs/performance.md).
 *
 * Why hashing the spec is enough: `ctx.renderPage(spec)` reads nothing but the spec, the theme,
 * corpus.yml (site title, base URL) and the code — and the writer salts every key with those.
 * What rendering adds beyond the spec (an article's body) must be covered by `extra`; pages
 * whose passages' teasers are filled in while rendering (PageSpec.passageTeasers) are keyed by
 * their inputs instead (deferredSpecPage).
 */
import { createHash } from 'node:crypto';
import type { RecordReader } from '../cache/store.ts';
import type { SiteModel } from '../index/index.ts';
import type { ArticleDigest } from '../model/digest.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { ArticleSource, SpecPage } from '../model/page.ts';
import type { SiteView } from './pages/site-view.ts';
import { viewTeaser } from './pages/shared.ts';
import { decodeSegments, recordJson } from '../model/record-json.ts';
import { renderBody } from './body/index.ts';
import type { PageSpec, RenderContext } from './context.ts';

export function specPage(spec: PageSpec, extra?: unknown, article?: ArticleSource): SpecPage {
  const page: SpecPage = { kind: 'spec', path: spec.path, spec };
  if (extra !== undefined) page.extra = extra;
  if (article !== undefined) page.article = article;
  return page;
}

/**
 * A spec page keyed by its inputs (`key`, see SpecPage.inputKey) whose view model `build` makes
 * only when something asks for it — the writer does not when the previous build's file has the
 * same key. Made at most once; for pages without `extra` and `article` (the key stands for all).
 */
export function deferredSpecPage(path: string, key: string, build: () => SpecPage): SpecPage {
  let spec: unknown;
  let made = false;
  return {
    kind: 'spec',
    path,
    inputKey: key,
    get spec() {
      if (!made) {
        const page = build();
        if (page.path !== path || page.extra !== undefined || page.article !== undefined) throw new Error(`render: ${page.path} passt nicht zur aufgeschobenen Seite ${path}`);
        spec = page.spec;
        made = true;
      }
      return spec;
    },
  };
}

/**
 * A page key from a string of its inputs (entity and article pages build theirs as one string and
 * hash it once: a hash update per piece cost more than the hash).
 */
export const textKey = (text: string): string => createHash('sha1').update(text).digest('base64url');

export function specKey(page: SpecPage): string {
  return specKeyOf(page, JSON.stringify(page.spec));
}

/** The key from the spec's JSON when the caller has it already (it sends those bytes to a thread). */
export function specKeyOf(page: SpecPage, specJson: string): string {
  const spec = page.spec as PageSpec; // made by specPage from a PageSpec
  // Its teasers are not in the spec, so neither would they be in this key: such pages are keyed by their inputs.
  if (spec.passageTeasers) throw new Error(`render: ${page.path} zeigt Teaser aus der Sicht auf die Website und braucht einen Schlüssel aus seinen Eingaben`);
  const h = createHash('sha1').update(spec.template).update('\0').update(specJson);
  if (page.extra !== undefined) h.update('\0').update(JSON.stringify(page.extra));
  return h.digest('base64url');
}

/** What rendering a spec page may read besides the page: the record store, the site view (article pages), why rules removed text. */
export interface SpecEnv {
  ctx: RenderContext;
  records?: RecordReader;
  view?: SiteView;
  ruleDescriptions: ReadonlyMap<string, string>;
}

/** The full record behind an article source, as the corpus stages left it. */
export function loadRecord(records: RecordReader, source: ArticleSource): EnrichedArticle {
  // stored by the document stage from a record checked against the schema
  return JSON.parse(recordJsonOf(records, source)) as EnrichedArticle;
}

/** The full record's JSON as api/articles.json carries it. */
export function recordJsonOf(records: RecordReader, source: ArticleSource): string {
  return recordJson(decodeSegments(records.body(source.loc)), source.patch);
}

/** `record`: the page's full record when the caller has read it already (article pages). */
export function renderSpecPage(page: SpecPage, env: SpecEnv, record?: EnrichedArticle): string {
  let spec = page.spec as PageSpec; // made by specPage from a PageSpec
  if (spec.passageTeasers) spec = withPassageTeasers(spec, env);
  if (page.article) {
    if (!record && !env.records) throw new Error(`render: ${page.path} braucht den Datensatzspeicher`);
    spec = withBody(spec, record ?? loadRecord(env.records as RecordReader, page.article), page.article.entityPaths ?? [], env);
  }
  return env.ctx.renderPage(spec).content as string; // renderPage returns the HTML string
}

/** The teaser of each passage's article, from the site view (PageSpec.passageTeasers). */
function withPassageTeasers(spec: PageSpec, env: SpecEnv): PageSpec {
  const view = env.view;
  if (!view) throw new Error(`render: ${spec.path} braucht die Sicht auf die Website (site view)`);
  const h = env.ctx.helpers(spec.path);
  const data = spec.data as { passages: { article: string }[] };
  const passages = data.passages.map((p) => {
    const t = view.teaser(p.article);
    if (!t) throw new Error(`render: ${spec.path} zeigt einen Artikel, den die Website nicht hat (${p.article})`);
    return { ...p, article: viewTeaser(t, h) };
  });
  return { ...spec, data: { ...data, passages } };
}

/** Body and cleanup list of an article page: from the full record (and the rule texts, which are code). */
function withBody(spec: PageSpec, a: EnrichedArticle, entityPaths: readonly (string | null)[], env: SpecEnv): PageSpec {
  const h = env.ctx.helpers(spec.path);
  const paths = new Map<string, string>();
  a.entities.forEach((e, i) => {
    const p = entityPaths[i];
    if (p) paths.set(e.id, p);
  });
  const entityHref = (id: string) => {
    const p = paths.get(id);
    return p === undefined ? null : h.href(p);
  };
  const why = (rule: string) => env.ruleDescriptions.get(rule) ?? null;
  return {
    ...spec,
    data: {
      ...spec.data,
      body: renderBody(a, entityHref),
      cleanup: {
        removed: a.removed.map((r) => ({ ...r, why: why(r.rule) })),
        repairs: a.repairs.map((r) => ({ ...r, why: why(r.rule) })),
      },
    },
  };
}

const recordKeys = new WeakMap<ArticleDigest, string>();

/**
 * A fingerprint of an article record as the site model holds it. From the build's inputs when
 * known (source file + bytes fix the record up to the pipeline version and corpus.yml, which the
 * writer's salt covers) plus what the corpus-level stages change in it (id, slug, path, the
 * quotes' `sameAs` lists); otherwise a hash of the whole digest.
 */
export function recordKey(site: SiteModel, a: ArticleDigest): string {
  let key = recordKeys.get(a);
  if (key === undefined) recordKeys.set(a, (key = recordFingerprint(site.build.inputs?.get(a.id), a)));
  return key;
}

/**
 * The fingerprint of a record, a digest or a full record alike (`input`: source file + sha256 of
 * its bytes, see recordKey): the article page keys its record by it (render/pages/article.ts).
 */
export function recordFingerprint(input: string | undefined, a: Pick<ArticleDigest, 'id' | 'sourceFile' | 'slug' | 'path'> & { quotes: readonly { sameAs: readonly string[] }[] }): string {
  if (input === undefined) return textKey(JSON.stringify(a));
  // one string, hashed once: an update per quote cost more than the hash (the same bytes either way)
  let text = `${input}\0${a.id}\0${a.sourceFile}\0${a.slug}\0${a.path}`;
  for (const q of a.quotes) text += `\0${q.sameAs.join(' ')}`;
  return textKey(text);
}
