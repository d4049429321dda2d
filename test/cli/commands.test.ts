/** Every command and option through the real CLI (child process): exit codes, stdout, stderr. */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, ROOT, runCli, tempDir } from './helpers.ts';

const ARTICLE = `Stadtrat beschließt neuen Radweg entlang des Flusses

Beispielstadt, 12. März 2024. Der Stadtrat hat am Dienstagabend den Bau eines neuen Radwegs beschlossen. Die Strecke soll die Altstadt mit dem Bahnhof verbinden.

„Wir machen den Radverkehr sicherer“, sagte die Bürgermeisterin nach der Sitzung.
`;

let work: string;
/** One valid article, a corpus.yml with a base URL. */
let ok: string;
/** The same plus an empty file: exactly the kind of warning an editor meets (rule `empty`). */
let warn: string;

beforeAll(() => {
  work = tempDir('commands');
  ok = path.join(work, 'ok');
  warn = path.join(work, 'warn');
  for (const dir of [ok, warn]) {
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'radweg.txt'), ARTICLE);
    writeFileSync(path.join(dir, 'corpus.yml'), 'site:\n  title: Testkorpus\n  baseUrl: https://korpus.example/archiv/\n');
  }
  writeFileSync(path.join(warn, 'leer.txt'), '\n\n');
});
afterAll(() => removeDir(work));

const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// Read-only commands run concurrently: each is a separate process, and most of their time is Node start-up.
describe.concurrent('help and version', () => {
  it('--version prints the package version on stdout', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });

  it('--help lists every command in German', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Aufruf: presseschau \[optionen\] \[befehl\]/);
    for (const c of ['build', 'check', 'serve', 'dev', 'new']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toContain('Exit-Codes');
    expect(r.stderr).toBe('');
  });

  it.each(['build', 'check', 'serve', 'dev', 'new'])('%s --help', async (command) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Aufruf: presseschau ${command} [optionen]`);
    expect(r.stdout).toContain('Optionen:');
    expect(r.stdout).toContain('diese Hilfe ausgeben');
  });

  it('help <command> is the same as <command> --help', async () => {
    const [a, b] = await Promise.all([runCli(['help', 'check']), runCli(['check', '--help'])]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe.concurrent('usage errors exit 2 with a German message and the help', () => {
  it.each([
    ['unknown option', ['build', '--bogus'], 'unbekannte Option „--bogus“'],
    ['unknown option without a command', ['--seeds', ok, '--bogus'], 'unbekannte Option „--bogus“'],
    ['unknown command', ['bild'], 'unbekannter Befehl „bild“'],
    ['option without its value', ['build', '--out'], 'Option „--out <ordner>“ braucht einen Wert'],
    ['new without a folder', ['new'], 'Argument „ordner“ fehlt'],
    ['surplus argument', ['check', 'extra'], 'zu viele Argumente'],
    ['invalid --base-url', ['check', '--seeds', ok, '--base-url', 'example.org'], 'keine absolute URL'],
    ['non-http --base-url', ['check', '--seeds', ok, '--base-url', 'ftp://example.org/'], 'http:// oder https://'],
    ['invalid --port', ['serve', '--port', 'achtzig'], 'keine Portnummer'],
  ])('%s', async (_name, args, message) => {
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toMatch(/Aufruf: presseschau|Hilfe: presseschau/);
    expect(r.stdout).toBe('');
  });
});

describe('build', () => {
  it('--seeds and --out: builds the site and the report, summary on stderr, nothing on stdout', async () => {
    const out = path.join(work, 'out-ok');
    const r = await runCli(['build', '--seeds', ok, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^✓ 1 Artikel, \d+ Seiten, 0 Fehler, 0 Warnungen, .* · [\d,]+ (B|KB|MB) → /m);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, '_build', 'report.json'), 'utf8')) as { files: { file: string; status: string }[] };
    expect(report.files).toEqual([expect.objectContaining({ file: 'radweg.txt', status: 'article' })]);
    expect(readFileSync(path.join(out, '_build', 'bericht.html'), 'utf8')).toContain('radweg.txt');
  });

  it('is the default command', async () => {
    const out = path.join(work, 'out-default');
    const r = await runCli(['--seeds', ok, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(path.join(out, 'index.html'))).toBe(true);
  });

  it('warnings are printed vfile-style and allowed (exit 0)', async () => {
    const r = await runCli(['build', '--seeds', path.relative(work, warn), '--out', 'out-warn'], { cwd: work });
    expect(r.code, r.stderr).toBe(0);
    // path relative to where the user stands, then line, severity, message, rule id
    expect(r.stderr).toMatch(/^warn\/leer\.txt {2}warning {2}\S.* {2}empty$/m);
    expect(r.stderr).toMatch(/1 Datei übersprungen/);
    expect(r.stderr).not.toMatch(/\u001b\[/); // piped: no colour
  });

  it('--strict turns the warning into exit 1 and keeps the previous output', async () => {
    const out = path.join(work, 'out-strict');
    const r = await runCli(['build', '--strict', '--seeds', warn, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/leer\.txt {2}warning .* {2}empty$/m);
    expect(r.stderr).toContain('--strict');
    expect(existsSync(out)).toBe(false);
  });

  it('--quiet prints only errors and the summary line', async () => {
    const r = await runCli(['build', '--quiet', '--seeds', warn, '--out', path.join(work, 'out-quiet')]);
    expect(r.code).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^✓ 1 Artikel, .*1 Warnung/);
  });

  it('--json prints one JSON document on stdout and nothing else', async () => {
    const r = await runCli(['build', '--json', '--seeds', warn, '--out', path.join(work, 'out-json')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as {
      ok: boolean;
      exitCode: number;
      command: string;
      summary: { articles: number; warning: number };
      report: { files: { file: string; status: string; reasons?: { ruleId: string }[] }[]; inferred: { field: string }[] };
    };
    expect(j).toMatchObject({ ok: true, exitCode: 0, command: 'build', summary: { articles: 1, warning: 1 } });
    const skipped = j.report.files.find((f) => f.file === 'leer.txt');
    expect(skipped).toMatchObject({ status: 'skipped', reasons: [expect.objectContaining({ ruleId: 'empty' })] });
    expect(j.report.inferred.map((i) => i.field).sort()).toEqual(['published', 'publisher', 'title']);
    expect(r.stderr).toMatch(/^✓ /m); // the human summary still goes to stderr
  });

  it('--base-url: defaults < corpus.yml < command line', async () => {
    const fromCorpus = JSON.parse((await runCli(['check', '--json', '--seeds', ok])).stdout) as { settings: { baseUrl: string; sources: { baseUrl: string } } };
    expect(fromCorpus.settings).toMatchObject({ baseUrl: 'https://korpus.example/archiv/', sources: { baseUrl: 'corpus.yml' } });
    const out = path.join(work, 'out-base');
    const r = await runCli(['build', '--json', '--seeds', ok, '--out', out, '--base-url', 'https://example.org/presse']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { settings: { baseUrl: string; sources: { baseUrl: string } }; report: { site: { baseUrl: string } } };
    expect(j.settings).toMatchObject({ baseUrl: 'https://example.org/presse/', sources: { baseUrl: 'cli' } });
    expect(j.report.site.baseUrl).toBe('https://example.org/presse/');
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('https://example.org/presse/');
    const none = path.join(work, 'no-corpus-yml');
    mkdirSync(none);
    writeFileSync(path.join(none, 'a.txt'), ARTICLE);
    const d = JSON.parse((await runCli(['check', '--json', '--seeds', none])).stdout) as { settings: { baseUrl: null; sources: { baseUrl: string } } };
    expect(d.settings).toMatchObject({ baseUrl: null, sources: { baseUrl: 'default' } });
  });

  it('colours only when asked for (FORCE_COLOR) and never with NO_COLOR', async () => {
    const args = ['check', '--seeds', warn];
    const forced = await runCli(args, { env: { FORCE_COLOR: '1' } });
    expect(forced.stderr).toContain('\u001b[33mwarning\u001b[39m');
    const off = await runCli(args, { env: { NO_COLOR: '1' } });
    expect(off.stderr).not.toMatch(/\u001b\[/);
  });
});

describe('check', () => {
  it('runs the pipeline, prints diagnostics and writes nothing', async () => {
    const cwd = path.join(work, 'check-cwd');
    mkdirSync(cwd);
    const r = await runCli(['check', '--seeds', warn], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/leer\.txt {2}warning/);
    expect(r.stderr).toContain('nichts geschrieben');
    expect(readdirSync(cwd)).toEqual([]);
  });

  it('--strict exits 1 on a warning', async () => {
    expect((await runCli(['check', '--strict', '--seeds', warn])).code).toBe(1);
    expect((await runCli(['check', '--strict', '--seeds', ok])).code).toBe(0);
  });

  it('a broken corpus.yml is an error with file and line: exit 1', async () => {
    const bad = path.join(work, 'bad-yml');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'a.txt'), ARTICLE);
    writeFileSync(path.join(bad, 'corpus.yml'), 'site:\n  title: X\n  farbe: blau\n');
    const r = await runCli(['check', '--seeds', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/corpus\.yml:3:\d+ {2}error {2}.*farbe.* {2}corpus-schema$/m);
    expect(r.stderr).toMatch(/^✗ /m);
  });
});

describe('new', () => {
  it('scaffolds a corpus that builds cleanly, and refuses to overwrite it', async () => {
    const cwd = path.join(work, 'fresh');
    mkdirSync(cwd);
    const made = await runCli(['new', 'my-corpus'], { cwd });
    expect(made.code, made.stderr).toBe(0);
    for (const f of ['README.md', '.gitignore', 'seeds/corpus.yml', 'seeds/beispiel.txt', 'templates/README.md']) {
      expect(existsSync(path.join(cwd, 'my-corpus', f)), f).toBe(true);
    }
    expect(made.stderr).toContain('presseschau build --seeds my-corpus/seeds --out my-corpus/dist');

    const built = await runCli(['build', '--seeds', 'my-corpus/seeds', '--out', 'my-corpus/dist', '--strict'], { cwd });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toMatch(/^✓ 1 Artikel, .*0 Fehler, 0 Warnungen/m);
    expect(existsSync(path.join(cwd, 'my-corpus', 'dist', 'index.html'))).toBe(true);
    const report = readFileSync(path.join(cwd, 'my-corpus', 'dist', '_build', 'report.json'), 'utf8');
    expect(report).toContain('beispiel.txt');

    const before = readFileSync(path.join(cwd, 'my-corpus', 'seeds', 'beispiel.txt'), 'utf8');
    writeFileSync(path.join(cwd, 'my-corpus', 'seeds', 'beispiel.txt'), before + '\nEigene Änderung.\n');
    const again = await runCli(['new', 'my-corpus'], { cwd });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('nicht leer');
    expect(readFileSync(path.join(cwd, 'my-corpus', 'seeds', 'beispiel.txt'), 'utf8')).toContain('Eigene Änderung.');
  });
});
