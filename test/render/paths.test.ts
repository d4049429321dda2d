import { describe, expect, it } from 'vitest';
import { absoluteUrl, relHref } from '../../src/render/paths.ts';

describe('relHref', () => {
  it.each([
    ['index.html', 'personen/wladimir-putin.html', 'personen/wladimir-putin.html'],
    ['artikel/a.html', 'personen/wladimir-putin.html', '../personen/wladimir-putin.html'],
    ['artikel/a.html', 'artikel/b.html', 'b.html'],
    ['artikel/a.html', 'index.html', '../index.html'],
    ['_build/bericht.html', 'assets/style.css', '../assets/style.css'],
    ['a/b/c.html', 'a/d/e.html', '../d/e.html'],
    ['a/b/c.html', 'a/b.html', '../b.html'],
    ['register.html', 'register.html#buchstabe-a', 'register.html#buchstabe-a'],
    ['ereignisse/x.html', 'berichterstattung.html#2024-06', '../berichterstattung.html#2024-06'],
    ['index.html', '#inhalt', '#inhalt'],
    ['artikel/a.html', 'artikel/a.html', 'a.html'],
    ['index.html', 'quellen/ä b.html', 'quellen/%C3%A4%20b.html'],
  ])('%s → %s = %s', (from, to, expected) => {
    expect(relHref(from, to)).toBe(expected);
  });

  it('refuses absolute paths and folders', () => {
    expect(() => relHref('index.html', '/personen/x.html')).toThrow(/Datei/);
    expect(() => relHref('index.html', 'personen/')).toThrow(/Datei/);
  });

  it('builds absolute URLs only with a base URL', () => {
    expect(absoluteUrl(undefined, 'index.html')).toBeNull();
    expect(absoluteUrl('https://example.org/presse', 'artikel/a.html')).toBe('https://example.org/presse/artikel/a.html');
    expect(absoluteUrl('https://example.org/presse/', 'index.html')).toBe('https://example.org/presse/index.html');
  });
});
