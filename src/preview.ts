/**
 * The quick half of a `dev` rebuild: the page of one edited article, made at once against the
 * last finished build's site, before the whole site is rebuilt. Like Hugo's "fast render", the
 * page the writer is looking at shows the new text in a fraction of a second; the full rebuild
 * follows and replaces it with the page a cold build makes (related articles, quotation groups
 * and entity pages recomputed for the whole corpus).
 *
 * The preview reads the file, normalises, enriches and validates it as the document stage does,
 * and renders its page with the last build's site view, on the main thread (the pool's threads may
 * be busy with a rebuild). It is only made where the last build's view fits the edited article:
 * a file that was an article there, whose title (and so its slug and page path) did not change.
 * Otherwise it says why not, and the full rebuild alone answers. The preview never touches the
 * output folder: `dev` serves it from memory until the rebuild has landed (cli/server.ts).
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { compiledKnowledge, enrich } from './enrich/index.ts';
import { documentFromBytes, readInputSync } from './ingest/index.ts';
import type { SiteModel } from './index/index.ts';
import { EnrichedArticleSchema } from './model/enriched.ts';
import type { Knowledge } from './model/knowledge.ts';
import type { RecordLoc } from './model/digest.ts';
import { normalise } from './normalise/index.ts';
import type { RenderContext } from './render/context.ts';
import { renderSpecPage, type SpecEnv } from './render/lazy.ts';
import { articleSpec } from './render/pages/article.ts';
import { siteView, type SiteViewData } from './render/pages/site-view.ts';

/** What a finished build leaves for previews: its site view, theme context and articles by file. */
export interface PreviewBase {
  /** The corpus folder as given (resolved), to match changed paths; and its real path, to read below. */
  readonly seedsDir: string;
  readonly root: string;
  readonly knowledge: Knowledge;
  readonly env: SpecEnv & { view: NonNullable<SpecEnv['view']> };
  /** Source file (posix, relative to the corpus folder) → the article the last build made of it. */
  readonly byFile: ReadonlyMap<string, { id: string; slug: string; path: string; title: string; loc: RecordLoc | undefined }>;
}

export type PreviewResult = { ok: true; path: string; html: string } | { ok: false; reason: string };

export function previewBase(seedsDir: string, site: SiteModel, viewData: SiteViewData, ctx: RenderContext): PreviewBase {
  const byFile = new Map<string, { id: string; slug: string; path: string; title: string; loc: RecordLoc | undefined }>();
  for (const a of site.articles) byFile.set(a.sourceFile, { id: a.id, slug: a.slug, path: a.path, title: a.title, loc: site.build.locs?.get(a.id) });
  return { seedsDir: path.resolve(seedsDir), root: realpathSync(seedsDir), knowledge: site.knowledge, env: { ctx, ruleDescriptions: site.ruleDescriptions, view: siteView(viewData) }, byFile };
}

/** The page of the article in `file` (absolute, or relative to the corpus folder) as it reads now. */
export function previewArticle(base: PreviewBase, file: string): PreviewResult {
  const rel = path.relative(base.seedsDir, path.resolve(base.seedsDir, file)).split(path.sep).join('/');
  const before = base.byFile.get(rel);
  if (!before) return { ok: false, reason: 'im letzten Build kein Artikel' };
  const input = readInputSync(base.root, rel);
  if (!input.bytes) return { ok: false, reason: 'nicht lesbar' };
  const read = documentFromBytes(rel, before.id, input.bytes);
  if (!read.document) return { ok: false, reason: 'nicht lesbar' };
  const n = normalise(read.document);
  const e = enrich(n.article, compiledKnowledge(base.knowledge));
  if (!EnrichedArticleSchema.safeParse(e.record).success) return { ok: false, reason: 'Datensatz ungültig' };
  if (e.record.title !== before.title) return { ok: false, reason: 'Titel geändert (neue Seitenadresse)' };
  // The settled names of the last build (the index stage makes slugs unique across the corpus).
  const record = { ...e.record, id: before.id, slug: before.slug, path: before.path };
  // The page is rendered from `record` itself; the location only names where the build stored it.
  const loc = before.loc ?? { segment: -1, offset: 0, head: 0, body: 0 };
  const spec = articleSpec(base.env.view, base.env.ctx, record, { loc, patch: { id: before.id, slug: before.slug, path: before.path, sameAs: record.quotes.map((q) => q.sameAs) } });
  return { ok: true, path: before.path, html: renderSpecPage(spec, base.env, record) };
}

/**
 * Compile the knowledge and warm the code paths of a preview once, while nobody waits (the first
 * preview of a session would otherwise take ~0.2 s more). The page made is thrown away.
 */
export function warmPreview(base: PreviewBase): void {
  const first = base.byFile.keys().next();
  if (!first.done) previewArticle(base, first.value);
}
