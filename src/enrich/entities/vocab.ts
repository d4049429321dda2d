/**
 * Entity vocabulary (vocab.json), validated once at module load. A malformed entry is a build bug,
 * not an editor mistake, so it throws here with the zod path.
 */
import * as z from 'zod';
import raw from './vocab.json' with { type: 'json' };

const Words = z.array(z.string().min(1)).min(1);
const VocabSchema = z.strictObject({
  $source: z.string().min(1),
  glueWords: Words,
  compoundHeads: Words,
  roleSuffixes: Words,
  speechVerbs: Words,
  appositionArticles: Words,
  orgHeads: Words,
  notNames: Words,
  nounEndings: Words,
});
export type EntityVocab = z.infer<typeof VocabSchema>;

export const vocab: EntityVocab = VocabSchema.parse(raw);

/** Glue words folded the way the matcher folds tokens. */
export function loadGlueWords(): string[] {
  return vocab.glueWords.map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss'));
}
