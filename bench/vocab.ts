/** Loads bench/vocab.yml (noise lines, publishers, names for the synthetic corpora), validated. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

const line = z.string().min(1);
export const VocabSchema = z.strictObject({
  widgets: z.array(line).min(1),
  teasers: z.array(line).min(2),
  publishers: z.array(line).min(1),
  agencies: z.array(line).min(1),
  credits: z.array(line).min(1),
  people: z.array(z.strictObject({ full: line, last: line })).min(1),
  firstNames: z.array(line).min(1),
  lastNames: z.array(line).min(1),
  places: z.array(line).min(1),
});
export type Vocab = z.infer<typeof VocabSchema>;

export const VOCAB_FILE = fileURLToPath(new URL('./vocab.yml', import.meta.url));

export function loadVocab(file = VOCAB_FILE): { vocab: Vocab; source: string } {
  const source = readFileSync(file, 'utf8');
  const parsed = VocabSchema.safeParse(parse(source));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`${file}: ${first?.path.join('.') ?? ''}: ${first?.message ?? 'ungültig'} (Liste in bench/vocab.yml korrigieren)`);
  }
  return { vocab: parsed.data, source };
}
