/**
 * `new DIR`: copy the scaffold (an example article, a small valid corpus.yml, a templates/
 * folder to override, a README) into a new corpus folder. Never overwrites: a non-empty DIR
 * is refused before anything is written.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { EXIT } from '../exit-codes.ts';
import { palette, useColour, type Io } from '../output.ts';

/**
 * npm drops files named `.gitignore` from published packages, so the scaffold stores
 * dot-files without the dot and they are renamed on copy.
 */
const RENAME: Readonly<Record<string, string>> = { gitignore: '.gitignore' };

/** The package root holding scaffold/ (works from src/cli/commands/ and from the lib/ bundle). */
export function scaffoldDir(start = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'scaffold'))) return path.join(dir, 'scaffold');
    if (path.dirname(dir) === dir) throw new Error(`Ordner „scaffold“ nicht gefunden (gesucht ab ${start}); Installation unvollständig?`);
  }
}

export async function runNew(dir: string, quiet: boolean, io: Io): Promise<number> {
  const p = palette(useColour(io.stderr, io.env));
  const target = path.resolve(io.cwd, dir);
  const label = path.relative(io.cwd, target) || '.';
  const entries = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    if (error.code === 'ENOTDIR') return ['(Datei)'];
    throw error;
  });
  if (entries.length > 0) {
    io.stderr.write(`${p.red('Fehler:')} ${label} ist nicht leer — presseschau new überschreibt nichts; einen neuen Ordnernamen wählen\n`);
    return EXIT.failed;
  }
  const source = scaffoldDir();
  const files = (await fg(['**/*'], { cwd: source, onlyFiles: true, dot: true })).sort();
  for (const rel of files) {
    const name = RENAME[path.posix.basename(rel)];
    const out = path.join(target, ...(name ? path.posix.join(path.posix.dirname(rel), name) : rel).split('/'));
    await mkdir(path.dirname(out), { recursive: true });
    await copyFile(path.join(source, ...rel.split('/')), out);
  }
  if (!quiet) {
    const q = (s: string) => (/^[\w./-]+$/.test(s) ? s : JSON.stringify(s));
    io.stderr.write(
      [
        `${p.green('✓')} Korpus-Ordner ${label}/ angelegt (${files.length} Dateien). Weiter mit:`,
        `  presseschau build --seeds ${q(path.join(label, 'seeds'))} --out ${q(path.join(label, 'dist'))}`,
        `  presseschau dev --seeds ${q(path.join(label, 'seeds'))} --out ${q(path.join(label, 'dist'))}`,
        `Anleitung: ${path.join(label, 'README.md')}`,
        '',
      ].join('\n'),
    );
  }
  return EXIT.ok;
}
