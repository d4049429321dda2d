/**
 * corpus.yml has two readers (src/config/corpus.ts): a fast one for files that are right and the
 * located one (`yaml`, with lines) for everything else. They must agree: same knowledge for every
 * file the fast one accepts, and the located diagnostics whenever it does not.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseKnowledge, parseLocated } from '../../src/config/corpus.ts';

const real = ['seeds/corpus.yml', 'scaffold/seeds/corpus.yml'];

describe('corpus.yml: fast path and located path agree', () => {
  it.each(real)('%s gives the same knowledge either way', (file) => {
    const source = readFileSync(file, 'utf8');
    const fast = parseKnowledge(source);
    const located = parseLocated(source);
    expect(fast.ok).toBe(true);
    expect(fast).toEqual(located);
  });

  // Scalars where YAML readers are known to differ (1.1 vs 1.2 booleans, octal, underscores,
  // dates, special floats, escapes, block scalars): as a title each must come out the same.
  const titles = [
    'yes', 'no', 'on', 'off', 'y', 'True', 'TRUE', 'null', '~', '0755', '0o14', '0x1F', '1_000', '1e3', '.inf', '-.Inf', '.NaN',
    '2024-06-19', '2024-06-19T10:00:00Z', '12:30', '12:30:00', '"quoted: value"', "'single ''quote'''", '"tab\\tand\\u00e4"',
    '"\\x41\\N\\_"', 'Putin – Kim „Gipfel“', '|\n    zwei\n    Zeilen', '>-\n    gefaltet\n    Text', '!!str 123', '!!binary aGVsbG8=',
    '<<', 'a # Kommentar', '"a # kein Kommentar"', '[a, b]', '{a: b}', '', '@at', '`tick`', '? x',
  ];
  it.each(titles)('site.title: %s', (title) => {
    const source = `site:\n  title: ${title}\nentities: []\n`;
    const fast = parseKnowledge(source);
    const located = parseLocated(source);
    expect(fast.ok).toBe(located.ok);
    if (fast.ok && located.ok) expect(fast.knowledge).toEqual(located.knowledge);
    else expect(fast.diagnostics).toEqual(located.diagnostics);
  });

  it('a file with errors is reported by the located path, with its line', () => {
    const source = 'site:\n  title: T\nentities:\n  - id: a\n    name: A\n    type: person\n  - id: a\n    name: B\n    type: person\n';
    const r = parseKnowledge(source);
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toEqual(parseLocated(source).diagnostics);
    expect(r.diagnostics[0]?.line).toBe(7);
  });

  it('anchors and aliases are read by the located path (which caps alias expansion)', () => {
    const source = 'site:\n  title: &t Titel\n  description: *t\n';
    const r = parseKnowledge(source);
    expect(r).toEqual(parseLocated(source));
    expect(r.ok && r.knowledge.site.description).toBe('Titel');
    const bomb = `site:\n  title: T\nx: &a [1, 1, 1, 1, 1, 1, 1, 1, 1]\n${Array.from({ length: 12 }, (_, i) => `x${i}: &a${i} [${Array(9).fill(i === 0 ? '*a' : `*a${i - 1}`).join(', ')}]`).join('\n')}\n`;
    const started = performance.now();
    expect(parseKnowledge(bomb).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('duplicate keys and multiple documents fail as before', () => {
    for (const source of ['site:\n  title: A\n  title: B\n', 'site:\n  title: A\n---\nsite:\n  title: B\n']) {
      const r = parseKnowledge(source);
      expect(r.ok).toBe(false);
      expect(r.diagnostics).toEqual(parseLocated(source).diagnostics);
    }
  });
});
