/**
 * Required literals (src/normalise/literal.ts) let boilerplate matching skip a regex when the
 * text lacks a word every match contains. Checked: what the extractor claims on tricky sources,
 * and that rule matching with the pre-test equals plain regex matching, including the case
 * foldings of `/iu` that lower-casing does not mirror (Kelvin sign K, long ſ).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchLine, matchParagraph } from '../../src/normalise/boilerplate.ts';
import { LINE_RULES, PARAGRAPH_RULES, type CompiledRule } from '../../src/normalise/data.ts';
import { requiredLiteral } from '../../src/normalise/literal.ts';

describe('requiredLiteral', () => {
  it.each([
    ['\\bbietet Ihnen\\b.{0,120}\\bPostfach', 'bietet Ihnen'],
    ['(?:\\S+\\s+){0,3}Cookies\\b', 'Cookies'],
    ['^Dieser (?:Artikel|Text)', 'Dieser '],
    ['\\p{Lu}abcd', 'abcd'],
    ['\\k<name>abcd', 'abcd'],
  ])('%s → %s', (source, literal) => expect(requiredLiteral(source)).toBe(literal));

  it.each(['x|abcdef', '(abcdef)', '[abcdef]', 'abcd?', 'a\\x41bcd', 'ab{10,20}cd', 'ab\\u0041cd', '.{0,80}'])('%s → none', (source) => {
    expect(requiredLiteral(source)).toBeUndefined();
  });
});

const reference = (rules: readonly CompiledRule[], text: string) =>
  text === '' ? undefined : rules.find((r) => text.length <= r.maxLength && r.patterns.some((p) => p.test(text)));

const PIECES = [
  'Wir verwenden', 'wir NUTZEN', 'Diese Website setzt', 'Cookies', 'cookies', 'COOKIES', 'Coo\u212Aies', 'Cookie\u017F', 'Mit der Nutzung', 'stimmen Sie',
  'bietet Ihnen', 'BIETET IHNEN', 'bietet Ihnen', 'Postfach', 'Newsletter', 'Abonnieren Sie', 'unseren', 'Audiowiedergabe', 'AUDIO\u212Aiedergabe', 'Dieser Artikel wurde vorgelesen',
  'Möchten Sie auf dem Laufenden bleiben?', 'Mit unserem', 'Unser', 'Posteingang', 'Putin', 'und', 'x', '.', ' ', ' ', ' ',
];

describe('boilerplate matching with literal pre-tests', () => {
  it('equals matching every pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 5 })), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(matchParagraph(text)).toBe(reference(PARAGRAPH_RULES, text));
        expect(matchLine(text)).toBe(reference(LINE_RULES, text));
      }),
      { numRuns: 1500 },
    );
  });

  it('still finds a banner spelled with a Kelvin sign or a long s', () => {
    expect(matchParagraph('Wir verwenden Coo\u212Aie\u017F auf dieser Seite.')?.name).toBe('cookie-banner');
  });
});
