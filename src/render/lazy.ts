/**
 * Lazy pages for incremental builds (model/page.ts, docs/performance.md): a page builder computes
 * the page's whole view model (the PageSpec — plain JSON data: titles, hrefs, teasers, formatted
 * dates), hashes it, and leaves the template run, the layout and the bytes to `render()`. The
 * writer skips `render()` when the previous build wrote the same path with the same key.
 *
 * Why hashing the spec is enough: `ctx.renderPage(spec)` reads nothing but the spec, the theme,
 * corpus.yml (site title, base URL) and the code — and the writer salts every key with those.
 * Whatever render() adds after the key was taken (the article body) must be covered by `extra`.
 */
import { createHash } from 'node:crypto';
import type { SiteModel } from '../index/index.ts';
import type { EnrichedArticle } from '../model/enriched.ts';
import type { LazyPage } from '../model/page.ts';
import type { PageSpec, RenderContext } from './context.ts';

/**
 * `extra`: JSON data that `finish` reads besides the spec (e.g. the article record behind the
 * body). `finish` completes the spec when the page does get rendered (work a skipped page saves).
 */
export function lazySpecPage(ctx: RenderContext, spec: PageSpec, extra?: unknown, finish?: (spec: PageSpec) => PageSpec): LazyPage {
  const h = createHash('sha1').update(spec.template).update('\0').update(JSON.stringify(spec));
  if (extra !== undefined) h.update('\0').update(JSON.stringify(extra));
  return {
    path: spec.path,
    key: h.digest('base64url'),
    render: () => ctx.renderPage(finish ? finish(spec) : spec).content,
  };
}

const recordKeys = new WeakMap<EnrichedArticle, string>();

/**
 * A fingerprint of an article record as the site model holds it. From the build's inputs when
 * known (source file + bytes fix the record up to the pipeline version and corpus.yml, which the
 * writer's salt covers) plus what the corpus-level stages change in it (slug, path, the quotes'
 * `sameAs` lists); otherwise a hash of the whole record.
 */
export function recordKey(site: SiteModel, a: EnrichedArticle): string {
  let key = recordKeys.get(a);
  if (key !== undefined) return key;
  const input = site.build.inputs?.get(a.id);
  const h = createHash('sha1');
  if (input !== undefined) {
    h.update(`${input}\0${a.id}\0${a.sourceFile}\0${a.slug}\0${a.path}`);
    for (const q of a.quotes) h.update(`\0${q.sameAs.join(' ')}`);
  } else h.update(JSON.stringify(a));
  key = h.digest('base64url');
  recordKeys.set(a, key);
  return key;
}
