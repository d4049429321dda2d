/** PLACEHOLDER pages (index + article) until the templates land. */
import type { SiteModel } from '../../index/index.ts';
import type { Page } from '../../model/page.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function* placeholderPages(site: SiteModel): Generator<Page> {
  const list = site.articles.map((a) => `<li><a href="${esc(a.path)}">${esc(a.title)}</a></li>`).join('');
  yield { path: 'index.html', content: `<!doctype html><html lang="de"><meta charset="utf-8"><title>${esc(site.knowledge.site.title)}</title><ul>${list}</ul></html>` };
  for (const a of site.articles) {
    const body = a.blocks.map((b) => `<p>${esc(b.text)}</p>`).join('');
    yield { path: a.path, content: `<!doctype html><html lang="de"><meta charset="utf-8"><title>${esc(a.title)}</title><h1>${esc(a.title)}</h1>${body}<a href="../index.html">Start</a></html>` };
  }
}
