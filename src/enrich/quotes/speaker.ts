/**
 * The attribution of a quote: a verb of saying after it ("“, sagte der Kremlchef", "“, wurde der
 * nordkoreanische Führer … zitiert", "“, so Putin") or before it ("sagte Putin: „", "Putin sagte: „"),
 * and the speaker phrase that goes with the verb.
 */
import { PASSIVE, VERBS, vocab } from './vocab.ts';
import { wordSpans } from './words.ts';

export interface Attribution {
  verb: string;
  /** The speaker phrase as written, and its offset in the block. */
  phrase: string;
  phraseStart: number;
  /** The attribution as written, for the record ("sagte der russische Präsident"). */
  evidence: string;
}

const EVIDENCE_WORDS = 6;

/** The first n words (wordSpans: /\p{L}[\p{L}\p{N}'’.-]* /gu) joined by spaces. */
function words(s: string, n: number): string {
  const spans = wordSpans(s, n);
  let out = '';
  for (let k = 0; k < spans.length; k += 2) out += (k === 0 ? '' : ' ') + s.slice(spans[k], spans[k + 1]);
  return out;
}

/** Up to the first clause break: the speaker phrase never runs past a comma or full stop. */
function clause(s: string): string {
  const stop = s.search(/[,.;:!?„“”"»«(]/);
  return (stop < 0 ? s : s.slice(0, stop)).trim();
}

export function attributionAfter(text: string, closeAt: number): Attribution | undefined {
  const from = closeAt + 1;
  const after = text.slice(from, from + 200);
  // The passive pattern tries every length of its middle part: only worth it when "zitiert" is there at all.
  const passive = after.includes('zitiert') ? /^\s*,?\s*(\p{L}+)\s+([^,.;„“”"]{2,100}?)\s+zitiert/u.exec(after) : null;
  if (passive && PASSIVE.has(passive[1] ?? '')) {
    const phraseStart = from + after.indexOf(passive[2] ?? '', (passive[1] ?? '').length);
    return { verb: 'zitiert', phrase: passive[2] ?? '', phraseStart, evidence: `${passive[1]} ${words(passive[2] ?? '', EVIDENCE_WORDS)} zitiert` };
  }
  const active = /^\s*,?\s*(\p{L}+)\s+/u.exec(after);
  if (!active || !VERBS.has(active[1] ?? '')) return undefined;
  const rest = after.slice(active[0].length);
  const phrase = clause(rest);
  if (phrase === '') return undefined;
  return { verb: active[1] ?? '', phrase, phraseStart: from + active[0].length, evidence: `${active[1]} ${words(phrase, EVIDENCE_WORDS)}` };
}

/** "sagte Putin: „…" / "Putin sagte: „…" / "Er erklärte, „…" — the clause right before the opening mark. */
export function attributionBefore(text: string, openAt: number): Attribution | undefined {
  const windowStart = Math.max(0, openAt - 200);
  let head = text.slice(windowStart, openAt);
  if (!/[:,]\s*$/.test(head)) return undefined;
  const colon = /:\s*$/.test(head);
  head = head.replace(/[:,]\s*$/, '');
  const sentence = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
  const base = windowStart + (sentence >= 0 ? sentence + 2 : 0);
  const clauseText = text.slice(base, windowStart + head.length);
  const spans = wordSpans(clauseText);
  for (let k = spans.length - 2; k >= 0; k -= 2) {
    const t = { index: spans[k]!, 0: clauseText.slice(spans[k], spans[k + 1]) }; // k, k + 1 < spans.length
    if (!VERBS.has(t[0]) || t[0] === 'so') continue;
    const verbEnd = t.index + t[0].length;
    const afterVerb = clauseText.slice(verbEnd).trim();
    // "sagte Putin:" — the speaker follows the verb; "Putin sagte:" — it precedes it.
    if (afterVerb !== '' && (colon || /^\p{Lu}|^(?:er|sie)\b/u.test(afterVerb))) {
      const phrase = clause(afterVerb);
      const phraseStart = base + verbEnd + clauseText.slice(verbEnd).indexOf(phrase);
      return { verb: t[0], phrase, phraseStart, evidence: `${t[0]} ${words(phrase, EVIDENCE_WORDS)}` };
    }
    const lastComma = clauseText.lastIndexOf(', ', t.index);
    const subjectStart = lastComma >= 0 ? lastComma + 2 : 0;
    const phrase = clauseText.slice(subjectStart, t.index).trim();
    if (phrase === '' || phrase.split(/\s+/).length > 6) return undefined;
    return { verb: t[0], phrase, phraseStart: base + subjectStart, evidence: `${phrase} ${t[0]}` };
  }
  // "Die Analystin Maria Schneider sieht das skeptisch: „…“" — no verb of saying, but a colon
  // hands the word to the subject that opens the clause.
  const subject = clauseText.trim();
  if (colon && subject !== '' && /^\p{Lu}/u.test(subject)) {
    const short = subject.split(/\s+/).slice(0, 8).join(' ');
    return { verb: ':', phrase: short, phraseStart: base + clauseText.indexOf(subject), evidence: `${short}:` };
  }
  return undefined;
}

/**
 * Last resort: a verb of saying earlier in the same sentence, outside any quote
 * ("forderte … Präsidentenberater Podoliak … zu „…“", "als er bekräftigte, dass diese „…“").
 * The speaker is named after the verb (up to the quote) or is the subject just before it.
 */
export function attributionInSentence(text: string, openAt: number, quoted: readonly { open: number; close: number }[]): Attribution | undefined {
  // A sentence start further back than 300 characters is not looked for: bounded work per quote.
  const windowStart = Math.max(0, openAt - 300);
  const head = text.slice(windowStart, openAt);
  const sentenceStart = windowStart + Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! ')) + 1;
  const segment = text.slice(sentenceStart, openAt);
  const near = quoted.filter((q) => q.close > sentenceStart && q.open < openAt);
  // Word offsets outside the quotes of this sentence (the words themselves are cut only when read).
  const all = wordSpans(segment);
  const starts: number[] = [];
  const ends: number[] = [];
  for (let k = 0; k < all.length; k += 2) {
    const at = sentenceStart + all[k]!; // k < all.length
    if (near.some((q) => at > q.open && at < q.close)) continue;
    starts.push(all[k]!);
    ends.push(all[k + 1]!);
  }
  const token = (i: number) => ({ index: starts[i]!, 0: segment.slice(starts[i], ends[i]) }); // 0 <= i < starts.length
  for (let i = starts.length - 1; i >= 0; i--) {
    const t = token(i);
    if (!VERBS.has(t[0]) || t[0] === 'so') continue;
    const verbEnd = sentenceStart + t.index + t[0].length;
    const rest = text.slice(verbEnd, openAt);
    const phrase = clause(rest);
    if (phrase !== '') return { verb: t[0], phrase, phraseStart: verbEnd + rest.indexOf(phrase), evidence: `${t[0]} ${words(phrase, EVIDENCE_WORDS)}` };
    const subject = i > 0 ? token(i - 1) : undefined;
    if (subject && /^(?:er|sie)$/.test(subject[0])) {
      return { verb: t[0], phrase: subject[0], phraseStart: sentenceStart + subject.index, evidence: `${subject[0]} ${t[0]}` };
    }
    return undefined;
  }
  // "gegen die seiner Meinung nach „…“" → er; "war der Ansicht, dass … „…“" → the sentence's subject.
  for (const m of vocab.opinionMarkers) {
    const at = segment.lastIndexOf(m.text);
    if (at < 0 || near.some((q) => sentenceStart + at > q.open && sentenceStart + at < q.close)) continue;
    if (m.speaker !== 'subject') return { verb: m.text, phrase: m.speaker, phraseStart: sentenceStart + at, evidence: m.text };
    const subject = segment.slice(0, at).trim();
    if (subject === '') continue;
    return { verb: m.text, phrase: subject, phraseStart: sentenceStart + segment.indexOf(subject), evidence: `${words(subject, EVIDENCE_WORDS)} … ${m.text}` };
  }
  return undefined;
}
