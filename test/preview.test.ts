/**
 * The preview of an edited article (src/preview.ts), made against the last build of a session:
 * for an unchanged file it is byte for byte the page the build wrote; after an edit it shows the
 * new text (escaped like any seed text); where the last build's view does not fit the file (new
 * title, new file) it declines and says why.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../src/build.ts';
import { previewArticle, type PreviewBase } from '../src/preview.ts';
import { closeSession, createSession } from '../src/session.ts';

const SEEDS = path.resolve(import.meta.dirname, '../seeds');
const root = mkdtempSync(path.join(os.tmpdir(), 'presseschau-preview-'));
const seeds = path.join(root, 'seeds');
const out = path.join(root, 'out');
const session = createSession();
let base: PreviewBase;
const articles = () => readdirSync(seeds).filter((f) => /\.(txt|md)$/.test(f)).sort();

beforeAll(async () => {
  cpSync(SEEDS, seeds, { recursive: true });
  await build({ seedsDir: seeds, outDir: out, session, cache: false, workers: 0 });
  if (!session.preview) throw new Error('a written session build leaves a preview base');
  base = session.preview;
}, 60_000);
afterAll(async () => {
  await closeSession(session);
  rmSync(root, { recursive: true, force: true });
});

describe('preview of an article page', () => {
  it('is, for every unchanged seed, the page the build wrote, byte for byte', () => {
    expect(articles()).toHaveLength(5);
    for (const file of articles()) {
      const made = previewArticle(base, path.join(seeds, file));
      if (!made.ok) throw new Error(`${file}: ${made.reason}`);
      expect(made.html, file).toBe(readFileSync(path.join(out, made.path), 'utf8'));
    }
  });

  it('shows an appended paragraph at the page the article already has, escaped', () => {
    const file = path.join(seeds, articles()[2] as string);
    const page = (previewArticle(base, file) as { path: string }).path;
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\nNachtrag: Kennwort Zaunkönig <script>alert(1)</script> „zitiert“.\n`);
    const made = previewArticle(base, file);
    if (!made.ok) throw new Error(made.reason);
    expect(made.path).toBe(page);
    // escaped as the article body always is (the serializer writes `<` as &#x3C;); typographic quotes kept
    expect(made.html).toContain('Kennwort Zaunkönig &#x3C;script>alert(1)&#x3C;/script> „zitiert“.');
    expect(made.html).not.toContain('<script>alert(1)');
    // Only the preview changed: the output folder still holds the last build's page.
    expect(readFileSync(path.join(out, page), 'utf8')).not.toContain('Zaunkönig');
  });

  it('works for a corpus folder reached through a symbolic link (files are read below its real path)', async () => {
    const link = path.join(root, 'link');
    symlinkSync(seeds, link);
    const other = createSession();
    try {
      await build({ seedsDir: link, outDir: path.join(root, 'out-link'), session: other, cache: false, workers: 0 });
      const file = articles()[1] as string;
      const made = other.preview ? previewArticle(other.preview, path.join(link, file)) : undefined;
      expect(made?.ok, made && !made.ok ? made.reason : 'no preview base').toBe(true);
    } finally {
      await closeSession(other);
    }
  });

  it('declines a changed title (the page would move) and a file the last build did not have', () => {
    const file = path.join(seeds, articles()[0] as string);
    writeFileSync(file, `Ganz neue Überschrift für den Gipfel\n\n${readFileSync(file, 'utf8')}`);
    expect(previewArticle(base, file)).toEqual({ ok: false, reason: 'Titel geändert (neue Seitenadresse)' });
    writeFileSync(path.join(seeds, 'neu.txt'), 'Gipfel in Pjöngjang\n\nWladimir Putin traf Kim Jong Un.\n');
    expect(previewArticle(base, path.join(seeds, 'neu.txt'))).toEqual({ ok: false, reason: 'im letzten Build kein Artikel' });
    expect(previewArticle(base, 'corpus.yml')).toEqual({ ok: false, reason: 'im letzten Build kein Artikel' });
  });
});
