/**
 * Read the theme from disk: the built-in `templates/*.eta` and `assets/**` of the package, then
 * file by file overridden by a `templates/` and an `assets/` folder beside the seeds folder
 * (`<seeds>/../templates/article.eta` replaces the built-in article template). See docs/theming.md.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import type { Theme } from '../model/theme.ts';

export interface ThemeOptions {
  /** Folders searched after the built-in theme, later ones win. Default: `<seeds>/..`. */
  overrideRoots?: string[];
}

/** The package root: the folder above this file holding package.json and templates/ (works from src/ and from the lib/ bundle). */
export function packageRoot(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'templates'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`presseschau: Ordner „templates“ nicht gefunden (gesucht ab ${start}); Installation unvollständig?`);
  }
}

export async function loadTheme(seedsDir: string, options: ThemeOptions = {}): Promise<Theme> {
  const builtIn = packageRoot();
  // lib/ holds compiled built-in assets (lib/assets/suche.js, the search client bundled by scripts/compile.mjs).
  const roots = [builtIn, path.join(builtIn, 'lib'), ...(options.overrideRoots ?? [path.dirname(path.resolve(seedsDir))])];
  const templates = new Map<string, string>();
  const assets = new Map<string, Uint8Array>();
  const origins = new Map<string, string>();
  const seen = new Set<string>();
  for (const root of roots) {
    const abs = path.resolve(root);
    if (seen.has(abs)) continue;
    seen.add(abs);
    const label = abs === builtIn ? 'eingebaut' : abs;
    for (const file of await list(path.join(abs, 'templates'), '**/*.eta')) {
      const name = file.replace(/\.eta$/, '');
      templates.set(name, await readFile(path.join(abs, 'templates', file), 'utf8'));
      origins.set(`templates/${file}`, label);
    }
    for (const file of await list(path.join(abs, 'assets'), '**/*')) {
      assets.set(`assets/${file}`, new Uint8Array(await readFile(path.join(abs, 'assets', file))));
      origins.set(`assets/${file}`, label);
    }
  }
  return { templates, assets, origins };
}

async function list(dir: string, pattern: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const files = await fg([pattern], { cwd: dir, onlyFiles: true, dot: false, followSymbolicLinks: false });
  return files.sort();
}
