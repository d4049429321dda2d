/**
 * Output-folder safety. The writer replaces the whole output folder on every build (staging
 * folder + rename), so a mistyped `--out` would silently throw away whatever lived there:
 * the project, the corpus, the home directory. Decide before anything is written.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diag, type Diagnostic } from '../model/diagnostic.ts';

/** Written into every output folder by write/; its presence proves a folder is ours to replace. */
export const OUTPUT_MARKER = '.presseschau-output';

/** Output of builds older than the marker: still ours when it has the article API file. */
const LEGACY_SIGNATURE = path.join('api', 'articles.json');

export interface GuardOptions {
  seedsDir: string;
  /** The folder the build runs from (default `process.cwd()`): the user's project root. */
  cwd?: string;
  /** presseschau's own package folder (default: found from this module's location). */
  packageRoot?: string;
  /** Default `os.homedir()`. */
  home?: string;
}

/** Resolve symlinks of the longest existing prefix, so `out -> ..` cannot sneak past the checks. */
export function realish(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!existsSync(head)) {
    const up = path.dirname(head);
    if (up === head) break;
    tail.unshift(path.basename(head));
    head = up;
  }
  let real = head;
  try {
    real = realpathSync(head);
  } catch {
    // A dangling link or an unreadable folder: fall back to the lexical path, still checked below.
  }
  return path.join(real, ...tail);
}

/** `a` equals `b` or contains it. */
export function isSameOrAncestor(a: string, b: string): boolean {
  return a === b || b.startsWith(a.endsWith(path.sep) ? a : a + path.sep);
}

/** The folder holding presseschau's package.json, walking up from this module (src/ or the lib/ bundle). */
export function findPackageRoot(from = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'bin', 'presseschau.js'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Returns the reasons to refuse `outDir` (empty: safe). Refused: `/`, the home folder, the
 * project root (cwd) and presseschau's own root, or any parent of them; the seeds folder,
 * `src/`, `templates/`, or anything inside or above those; an existing file; and an existing
 * non-empty folder that was not written by presseschau.
 */
export function checkOutputDir(outDir: string, options: GuardOptions): Diagnostic[] {
  const out = realish(outDir);
  const cwd = realish(options.cwd ?? process.cwd());
  const pkg = options.packageRoot ?? findPackageRoot();
  const roots = new Map<string, string>([
    [realish('/'), 'das Wurzelverzeichnis'],
    [realish(options.home ?? homedir()), 'das Home-Verzeichnis'],
    [cwd, 'der Projektordner'],
  ]);
  // Folders the build reads: replacing them or anything inside them destroys the input.
  const inputs = new Map<string, string>([
    [realish(options.seedsDir), 'der Korpus-Ordner'],
    // The project's own corpus, even when this build reads another one (--seeds elsewhere).
    [path.join(cwd, 'seeds'), 'der Korpus-Ordner seeds/'],
    [path.join(cwd, 'src'), 'der Quellcode-Ordner src/'],
    [path.join(cwd, 'templates'), 'der Vorlagen-Ordner templates/'],
  ]);
  if (pkg !== undefined) {
    const p = realish(pkg);
    if (!roots.has(p)) roots.set(p, 'der presseschau-Programmordner');
    for (const sub of ['src', 'templates', 'lib', 'bin', 'node_modules']) inputs.set(path.join(p, sub), `der Programmordner ${sub}/`);
  }
  const refuse = (message: string, hint: string) => [diag(outDir, 'error', 'build', 'unsafe-output-dir', message, { hint })];
  for (const [dir, what] of roots) {
    if (isSameOrAncestor(out, dir)) {
      return refuse(`Ausgabeordner „${out}“ ist ${what}${out === dir ? '' : ' oder enthält ihn'}; der Build würde ihn ersetzen`, 'einen eigenen Unterordner angeben, z. B. --out dist');
    }
  }
  for (const [dir, what] of inputs) {
    if (isSameOrAncestor(out, dir) || isSameOrAncestor(dir, out)) {
      return refuse(`Ausgabeordner „${out}“ ist ${what}, liegt darin oder enthält ihn`, 'Ausgabe und Eingabe trennen, z. B. --out dist');
    }
  }
  let info;
  try {
    info = statSync(out);
  } catch {
    return []; // does not exist yet: nothing to lose
  }
  if (!info.isDirectory()) return refuse(`Ausgabeordner „${out}“ ist eine Datei`, 'Datei umbenennen oder anderen --out-Ordner angeben');
  const entries = readdirSync(out);
  if (entries.length === 0 || entries.includes(OUTPUT_MARKER) || existsSync(path.join(out, LEGACY_SIGNATURE))) return [];
  return refuse(
    `Ausgabeordner „${out}“ ist nicht leer und stammt nicht von presseschau (Einträge: ${entries.length}, keine Datei ${OUTPUT_MARKER}); der Build würde ihn ersetzen`,
    'leeren oder neuen Ordner angeben; der Inhalt wird sonst gelöscht',
  );
}
