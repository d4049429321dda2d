/** Quote vocabulary (vocab.json), validated once at load; a bad entry is a build bug and throws here. */
import * as z from 'zod';
import raw from './vocab.json' with { type: 'json' };

const Words = z.array(z.string().min(1)).min(1);
const Schema = z.strictObject({
  $source: z.string().min(1),
  verbs: Words,
  continuation: Words,
  particles: Words,
  passive: Words,
  pronouns: Words,
  opinionMarkers: z.array(z.strictObject({ text: z.string().min(1), speaker: z.enum(['er', 'sie', 'subject']) })),
  skipWords: Words,
  roleNouns: Words,
  /** Shorter quoted strings are scare quotes or fragments („Aggression“, „wirklich revolutionäres Dokument“). */
  minWords: z.number().int().positive(),
  /** A block that is nothing but a quote of at most this many words, without a full stop, is a heading. */
  headingMaxWords: z.number().int().positive(),
});
export type QuoteVocab = z.infer<typeof Schema>;
export const vocab: QuoteVocab = Schema.parse(raw);
export const VERBS = new Set(vocab.verbs);
export const CONTINUATION = new Set(vocab.continuation);
export const PRONOUNS = new Set(vocab.pronouns);
export const SKIP = new Set([...vocab.skipWords, ...vocab.roleNouns]);
export const PASSIVE = new Set(vocab.passive);
