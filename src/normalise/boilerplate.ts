/**
 * Boilerplate: match lines and paragraphs against the named rules of rules/boilerplate.json.
 * Text longer than a rule's maxLength is never tested, which bounds the cost of every pattern
 * and keeps long body paragraphs out of reach of short widget patterns.
 */
import { LINE_RULES, PARAGRAPH_RULES, type CompiledRule } from './data.ts';
import { endsSentence, type SrcLine } from './lines.ts';

function firstMatch(rules: readonly CompiledRule[], text: string): CompiledRule | undefined {
  for (const rule of rules) {
    if (text.length > rule.maxLength) continue;
    for (let k = 0; k < rule.patterns.length; k++) {
      // A plain literal search is far cheaper than a pattern that tries alternatives everywhere.
      if (rule.literals[k]?.test(text) === false) continue;
      if (rule.patterns[k]!.test(text)) return rule;
    }
  }
  return undefined;
}

export const matchLine = (text: string): CompiledRule | undefined => (text === '' ? undefined : firstMatch(LINE_RULES, text));
export const matchParagraph = (text: string): CompiledRule | undefined => (text === '' ? undefined : firstMatch(PARAGRAPH_RULES, text));

/** Widget titles and teaser headlines that follow a matched header line are short and unpunctuated. */
const FOLLOWER_MAX = 90;

/**
 * Apply the line rules to every line. Returns, per line index, the rule that removed it.
 * A rule with `followingShortLines: n` also takes up to n directly following short lines
 * without a sentence end (blank lines in between are allowed).
 */
export function applyLineRules(lines: readonly SrcLine[]): (CompiledRule | undefined)[] {
  const hits: (CompiledRule | undefined)[] = new Array(lines.length).fill(undefined);
  for (let i = 0; i < lines.length; i++) {
    if (hits[i]) continue;
    const rule = matchLine(lines[i]!.text);
    if (!rule) continue;
    hits[i] = rule;
    let left = rule.followingShortLines;
    for (let j = i + 1; j < lines.length && left > 0; j++) {
      const t = lines[j]!.text;
      if (t === '') continue;
      if (matchLine(t)) break;
      if (t.length > FOLLOWER_MAX || endsSentence(t)) break;
      hits[j] = rule;
      left--;
    }
  }
  return hits;
}
