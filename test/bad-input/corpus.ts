/**
 * Builds the bad-input corpus of issue 5 in a temp folder: one file per case, plus one good
 * article so the build has something valid. Generated (not committed) because symlinks,
 * pipes, sparse 20 MB files and invalid bytes do not survive git well.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const GOOD = 'Putin und Kim treffen sich in Pjöngjang\n\nDer russische Präsident Wladimir Putin ist zu einem Staatsbesuch in Nordkorea eingetroffen.\n';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `guard-${prefix}-`));
}

/** Case name → file name, so tests can name what they expect. */
export const CASES = {
  good: 'good.txt',
  empty: 'empty.txt',
  whitespace: 'whitespace.txt',
  binary: 'binary.txt',
  latin1: 'latin1.txt',
  utf16le: 'utf16le.txt',
  utf16be: 'utf16be.md',
  huge: 'huge.txt',
  lines: 'lines.txt',
  badYaml: 'bad-yaml.md',
  wrongTypes: 'wrong-types.md',
  dupA: 'Gipfel a.txt',
  dupB: 'Gipfel-a.txt',
  punct: 'punct.txt',
  emoji: 'emoji.txt',
  umlaut: 'Ärger im Kreml.txt',
  shell: '$(rm -rf x);.txt',
  dashes: '--help.txt',
  outside: 'outside.txt',
  dangling: 'dangling.txt',
  pipe: 'pipe.txt',
} as const;

export const LINES = 100_000;

export function makeBadCorpus(): string {
  const dir = tempDir('bad');
  const w = (name: string, data: string | Uint8Array) => writeFileSync(path.join(dir, name), data);
  w(CASES.good, GOOD);
  w(CASES.empty, '');
  w(CASES.whitespace, '  \n\n \u00a0\t\n');
  w(CASES.binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
  w(CASES.latin1, Buffer.concat([Buffer.from('Titel\nZweite '), Buffer.from([0xc4]), Buffer.from('rger\n')]));
  w(CASES.utf16le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Kim in Wladiwostok\n\nÄrger über Sanktionen.\n', 'utf16le')]));
  w(CASES.utf16be, Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Kim in Wladiwostok\n\nÄrger über Sanktionen.\n', 'utf16le').swap16()]));
  w(CASES.huge, '');
  truncateSync(path.join(dir, CASES.huge), 20 * 1024 * 1024); // sparse: instant, still 20 MiB to stat
  const lines = ['Hunderttausend Zeilen'];
  for (let i = 0; i < LINES; i++) lines.push(`Zeile ${i}: Putin und Kim unterzeichnen einen Vertrag.`);
  w(CASES.lines, lines.join('\n') + '\n');
  w(CASES.badYaml, '---\ntitle: [nicht geschlossen\ndate: 2024-06-19\n---\nText nach kaputtem Front Matter.\n');
  w(CASES.wrongTypes, '---\ndate: gestern\ntitle: 42\n---\nText mit falschen Typen im Front Matter.\n');
  w(CASES.dupA, 'Gipfel in Moskau\n\nErster Text.\n');
  w(CASES.dupB, 'Gipfel in Moskau\n\nZweiter Text.\n');
  w(CASES.punct, '!!! ??? … –––\n\nText unter einem Titel aus Satzzeichen.\n');
  w(CASES.emoji, '🎉🇷🇺🤝🇰🇵\n\nText unter einem Emoji-Titel.\n');
  w(CASES.umlaut, 'Ärger im Kreml\n\nText.\n');
  w(CASES.shell, 'Shell im Dateinamen\n\nText.\n');
  w(CASES.dashes, 'Bindestriche im Dateinamen\n\nText.\n');
  symlinkSync('/etc/hostname', path.join(dir, CASES.outside));
  symlinkSync(path.join(dir, 'does-not-exist.txt'), path.join(dir, CASES.dangling));
  execFileSync('mkfifo', [path.join(dir, CASES.pipe)]);
  symlinkSync('/', path.join(dir, 'root-link'));
  w('bild.jpg', new Uint8Array([0xff, 0xd8, 0xff]));
  mkdirSync(path.join(dir, 'ordner.txt'));
  return dir;
}
