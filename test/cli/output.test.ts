/** Output formatting in isolation: colour conventions, the progress line, commander's errors in German. */
import { describe, expect, it } from 'vitest';
import { diagnosticLine, formatBytes, palette, progressLine, summaryLine, useColour, useProgress } from '../../src/cli/output.ts';
import { translateError } from '../../src/cli/program.ts';
import { parseBaseUrl, UsageError } from '../../src/cli/settings.ts';
import { diag } from '../../src/model/diagnostic.ts';

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true };

describe('colour and progress conventions', () => {
  it.each([
    ['a terminal', tty, {}, true],
    ['a pipe', pipe, {}, false],
    ['NO_COLOR on a terminal', tty, { NO_COLOR: '1' }, false],
    ['FORCE_COLOR into a pipe', pipe, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR=0 on a terminal', tty, { FORCE_COLOR: '0' }, false],
    ['TERM=dumb', tty, { TERM: 'dumb' }, false],
  ])('colour on %s', (_name, stream, env, expected) => {
    expect(useColour(stream, env)).toBe(expected);
  });

  it('no progress line in CI or in a pipe', () => {
    expect(useProgress(tty, {})).toBe(true);
    expect(useProgress(tty, { CI: 'true' })).toBe(false);
    expect(useProgress(pipe, {})).toBe(false);
  });

  it('the progress line stays silent for the first second, then redraws at most every 100 ms', () => {
    const written: string[] = [];
    let now = 0;
    const p = progressLine({ write: (s: string) => written.push(s) }, true, () => now);
    p.update('normalise', 1, 10);
    now = 900;
    p.update('normalise', 5, 10);
    expect(written).toEqual([]);
    now = 1000;
    p.update('enrich', 7, 10);
    now = 1050;
    p.update('enrich', 8, 10);
    now = 1200;
    p.update('write', 1200, 0);
    expect(written).toEqual(['\r\u001b[2K  anreichern 7/10', '\r\u001b[2K  schreiben 1.200']);
    p.clear();
    expect(written.at(-1)).toBe('\r\u001b[2K');
  });
});

describe('formatting', () => {
  const d = diag('001.txt', 'warning', 'normalise', 'caption-dedupe', 'Caption repeated; kept once', { line: 12 });

  it('diagnostics are vfile-style, coloured only when asked', () => {
    expect(diagnosticLine(d, 'seeds/', palette(false))).toBe('seeds/001.txt:12:1  warning  Caption repeated; kept once  caption-dedupe');
    const coloured = diagnosticLine(d, 'seeds/', palette(true));
    expect(coloured).toBe('seeds/001.txt:12:1  \u001b[33mwarning\u001b[39m  Caption repeated; kept once  \u001b[2mcaption-dedupe\u001b[22m');
  });

  it('summary: German numbers and plurals', () => {
    const line = summaryLine({ articles: 1200, skipped: 1, pages: 1, counts: { error: 0, warning: 1, info: 0 }, ms: 1534, bytes: 1536, outLabel: 'dist/', failed: false, check: false }, palette(false));
    expect(line).toBe('✓ 1.200 Artikel, 1 Datei übersprungen, 1 Seite, 0 Fehler, 1 Warnung, 1,5 s · 1,5 KB → dist/');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3,0 MB');
    // a stopped build is a failure even without an error diagnostic, and wrote nothing
    const stopped = summaryLine({ articles: 0, skipped: 1, pages: 0, counts: { error: 0, warning: 1, info: 0 }, ms: 5, bytes: undefined, outLabel: 'dist/', failed: true, check: false }, palette(false));
    expect(stopped).toBe('✗ 0 Artikel, 1 Datei übersprungen, 0 Seiten, 0 Fehler, 1 Warnung, 5 ms · nichts geschrieben');
  });

  it.each([
    ["error: unknown option '--x'\n(Did you mean --out?)", 'Fehler: unbekannte Option „--x“\n(Meinten Sie --out?)'],
    ["error: unknown command 'bild'", 'Fehler: unbekannter Befehl „bild“'],
    ["error: option '--out <ordner>' argument missing", 'Fehler: Option „--out <ordner>“ braucht einen Wert'],
    ["error: too many arguments for 'check'. Expected 0 arguments but got 1.", 'Fehler: zu viele Argumente für „check“: erwartet 0, erhalten 1'],
  ])('translates %j', (input, expected) => {
    expect(translateError(input)).toBe(expected);
  });

  it('base URLs: absolute http(s), trailing slash added, no query, fragment or credentials', () => {
    expect(parseBaseUrl('https://example.org/presse', '--base-url')).toBe('https://example.org/presse/');
    expect(parseBaseUrl('http://localhost:8080', '--base-url')).toBe('http://localhost:8080/');
    for (const bad of ['example.org', '/presse/', 'ftp://example.org/', 'https://example.org/?a=1', 'https://example.org/#x', 'https://u:p@example.org/']) {
      expect(() => parseBaseUrl(bad, '--base-url'), bad).toThrow(UsageError);
    }
  });
});
