/**
 * The performance rewrite of the normaliser must not change its output. Each fast path is
 * checked against the reference implementation it replaced (test/normalise/reference/, copied
 * verbatim from before the rewrite) on generated text that is dense in the cases the fast paths
 * skip: glued words, sentence ends before capitals, punctuation edges, odd whitespace, non-ASCII.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Repair } from '../../src/model/article.ts';
import { normalise } from '../../src/normalise/index.ts';
import { prepareMarkdown } from '../../src/normalise/markdown.ts';
import { parsePlainMarkdown } from '../../src/normalise/markdown-plain.ts';
import { countTokens, lazyTokenCounts, repairLine } from '../../src/normalise/repair.ts';
import { isTitleRepeat, titleKey } from '../../src/normalise/title.ts';
import { rawDoc } from './helpers.ts';
import * as ref from './reference/repair.ts';

const PIECES = [
  'Putin', 'Putinwird', 'Kim', 'Jong-unDas', 'UschakowKremlberater', 'Moskausagte', 'Lawrowerklärte', 'iPhone', 'McDonald',
  'LehrerInnen', 'gesagt.Die', '2023.Ahn', 'www.Test.de', 'a.B', 'ist.Über', 'Ärgerwurde', 'ÖlpreisHat', 'Staatschef', 'DerPräsident',
  '„Zitat“Text', '»x«y', '(Putinwird)', '„Kremlchefsagte“', 'Nordkoreas', 'Machthaber', 'sagte', 'wird', '.', '-', '–', '?', '!',
  'Wladimir', 'Kimssagte', 'Lavrwurde', 'Joonhat', 'Ahnsei', 'x.Yy', 'ß', 'İstanbul', 'ΣΟΦΙΑ', '𝒜lpha', 'Ab$&cdDefg',
];
const SPACES = [' ', '  ', '\u00a0', '\u2009', '\u3000', '\t', '\ufeff'];
const lineArb = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 12 })), fc.constantFrom(...SPACES), fc.boolean()), { maxLength: 24 })
  .map((parts) => parts.map(([w, s, glue]) => (glue ? w : w + s)).join(''));

describe('repair fast paths equal the reference', () => {
  it('countTokens: the same counts for every token not starting with a-z (the only ones repairs ask for)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 6 }), (lines) => {
        const expected = [...ref.countTokens(lines)].filter(([k]) => !/^[a-z]/.test(k));
        expect([...countTokens(lines)].filter(([k]) => !/^[a-z]/.test(k))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('repairLine (quotes, sentence space, glue) with the same token counts and budget', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 8 }), (lines, budget) => {
        const a: Repair[] = [];
        const b: Repair[] = [];
        // Counted lazily, from the lines as they were before any repair (txt.ts repairs in place).
        const ctxA = { tokenCount: lazyTokenCounts([...lines]), budget };
        const ctxB = { tokenCount: ref.countTokens(lines), budget };
        const stateA = { open: null as string | null };
        const stateB = { open: null as string | null };
        lines.forEach((l, i) => {
          expect(repairLine(l, i + 1, stateA, ctxA, a)).toBe(ref.repairLine(l, i + 1, stateB, ctxB, b));
        });
        expect(a).toEqual(b);
        expect(ctxA.budget).toBe(ctxB.budget);
      }),
      { numRuns: 400 },
    );
  });
});

const MD_LINES = [
  '', ' ', '   ', '\u3000', 'Putin sagte am Mittwoch etwas.', 'Der Anführer von [North Korea] zeigt', 'Kim Jong-unDas ist', '„Zitat“Text', '© 2024 Euronews',
  '# Titel', '## Volle Unterstützung', '###### sechs', '####### sieben', '#hashtag', '# ', '#', '## Titel ##', '## Titel  ', '-', '- ', '- Punkt', '--', '---', '***',
  '===', '1. Eins', '13. September 2023 trafen', '2023 war', '> Zitat', '  eingerückt', '    Code', '[a]: /url', '[a](b)', '![Bild](x.png)', 'Text [a]', '&amp; mehr',
  '<b>fett</b>', '`code`', '_x_', '*x*', 'Ende  ', 'a\\', '~~~', '```', '+ plus', '| a | b |', 'Mehr zum Thema', 'Foto: AP', 'http://example.org/a_b',
];
const mdArb = fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...MD_LINES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) }), { maxLength: 16 }).map((ls) => ls.join('\n'));

describe('plain Markdown fast path equals remark', () => {
  it('gives the same prepared units, title, removed lines and repairs', () => {
    let fast = 0;
    fc.assert(
      fc.property(mdArb, fc.option(fc.constant('Titel'), { nil: undefined }), (text, declaredTitle) => {
        if (parsePlainMarkdown(text)) fast++;
        const doc = rawDoc(text, { format: 'md', sourceFile: 'test.md', lineOffset: 3 });
        expect(prepareMarkdown(doc, declaredTitle)).toEqual(prepareMarkdown(doc, declaredTitle, { plainFastPath: false }));
      }),
      { numRuns: 400 },
    );
    // The generator must exercise the fast path, not only the fallback.
    expect(fast).toBeGreaterThan(60);
  });

  it('falls back on syntax it does not handle', () => {
    for (const text of ['a\n---', 'Text\n-', '-\nText', '[a]: /u\n\n[a]', 'x [a](b)', '  x', '1. a', '## a #', 'a\tb', 'a &amp; b']) {
      expect(parsePlainMarkdown(text), text).toBeUndefined();
    }
    expect(parsePlainMarkdown('# T\n\nA [b] c\n\n-\n\n## H\nd')?.children.map((c) => c.type)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
  });
});

describe('title repeat pre-test', () => {
  it('isTitleRepeat(text, keys) is keys.has(titleKey(text))', () => {
    const piece = fc.oneof(fc.constantFrom('„', '“', '"', "'", '*', '_', '#', ' ', '\u3000', '.', '-', 'Putin', 'putin', 'PUTIN', 'İ', 'Σ', 'kim', ':', 'Ä'), fc.string({ unit: 'grapheme', maxLength: 4 }));
    const textArb = fc.array(piece, { maxLength: 8 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 2 }), textArb, (titles, text) => {
        const keys = new Set(titles.map(titleKey).filter((k) => k !== ''));
        expect(isTitleRepeat(text, keys)).toBe(keys.has(titleKey(text)));
        // A text always repeats its own (non-empty) title.
        const own = new Set([titleKey(text)].filter((k) => k !== ''));
        expect(isTitleRepeat(text, own)).toBe(own.size > 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('word count', () => {
  it('counts the whitespace-separated tokens that hold a letter or digit', () => {
    const piece = fc.oneof(fc.constantFrom('Putin', '–', '„', '“', '2024', ' ', '  ', '\u3000', '\n', '𝒜', '...', 'a-b', '(dpa)', '!'), fc.string({ unit: 'grapheme', maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const article = normalise(rawDoc(`Titel\n\n${text.replace(/\n/g, ' ')}`)).article;
        // The reference: the count as it was computed before (split, then a regex per token).
        const reference = article.blocks.reduce((n, b) => n + b.text.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length, 0);
        expect(article.wordCount).toBe(reference);
      }),
      { numRuns: 300 },
    );
  });
});

describe('token counts per question', () => {
  it('lazyTokenCounts answers what countTokens counts, for tokens, their prefixes and anything else', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 6 }), fc.array(fc.string({ unit: 'grapheme', maxLength: 6 }), { maxLength: 4 }), (lines, extra) => {
        const counts = countTokens(lines);
        const lazy = lazyTokenCounts(lines);
        const keys = [...counts.keys()].flatMap((k) => [k, k.slice(0, 3), k.slice(0, -2), k.slice(1)]);
        for (const k of [...keys, ...extra, ...PIECES].filter((x) => x !== '')) expect(lazy.get(k) ?? 0).toBe(counts.get(k) ?? 0);
      }),
      { numRuns: 500 },
    );
  });
});
