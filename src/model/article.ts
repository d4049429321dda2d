/**
 * The normalised article record: the public contract behind `dist/api/articles.json`.
 * One zod schema gives the TypeScript type, the runtime validation and the JSON Schema.
 */
import * as z from 'zod';

export const ProvenanceSchema = z
  .enum(['declared', 'extracted', 'inferred'])
  .describe('How a value was found: declared by an editor (front matter, corpus.yml), extracted verbatim from the text, or inferred by a heuristic.');
export type Provenance = z.infer<typeof ProvenanceSchema>;

export const BlockTypeSchema = z.enum(['paragraph', 'heading', 'caption', 'list-item', 'blockquote']);
export type BlockType = z.infer<typeof BlockTypeSchema>;

export const BlockSchema = z.strictObject({
  type: BlockTypeSchema,
  text: z.string().min(1),
  /** Photo credit split off a caption ("Sputnik/Artem Geodakyan/Pool via REUTERS"). */
  credit: z.string().optional(),
  /** 1-based line in the source file where the block starts. */
  line: z.number().int().positive(),
});
export type Block = z.infer<typeof BlockSchema>;

export const RemovedLineSchema = z.strictObject({
  line: z.number().int().positive(),
  text: z.string(),
  /** Name of the rule that dropped it (see src/normalise/rules/*.yml). */
  rule: z.string(),
});
export type RemovedLine = z.infer<typeof RemovedLineSchema>;

export const RepairSchema = z.strictObject({
  line: z.number().int().positive(),
  before: z.string(),
  after: z.string(),
  rule: z.string(),
});
export type Repair = z.infer<typeof RepairSchema>;

export const SourceSchema = z.strictObject({
  name: z.string().min(1),
  provenance: ProvenanceSchema,
  /** The line or phrase it was read from. */
  evidence: z.string(),
});
export type Source = z.infer<typeof SourceSchema>;

/** Front matter after validation: only known keys with the right types survive. */
export const DeclaredSchema = z.strictObject({
  title: z.string().optional(),
  /** Calendar date as written, YYYY-MM-DD (never shifted through UTC). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  publisher: z.string().optional(),
  slug: z.string().optional(),
});
export type Declared = z.infer<typeof DeclaredSchema>;

export const ArticleSchema = z.strictObject({
  id: z.string().min(1).describe('Stable id from the file name without extension.'),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('ASCII, German transliteration (ä→ae, ß→ss), unique in the corpus.'),
  path: z.string().describe('The article page, relative to dist/ (posix), e.g. artikel/<slug>.html.'),
  sourceFile: z.string().describe('Input file relative to seeds/ (posix).'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('sha256 of the raw input bytes.'),
  language: z.string().describe('BCP 47 language tag, "de".'),
  title: z.string().min(1),
  titleProvenance: ProvenanceSchema,
  titleEvidence: z.string().describe('The line the title came from, or the lede it was derived from.'),
  blocks: z.array(BlockSchema),
  removed: z.array(RemovedLineSchema).describe('Every line dropped by normalisation, with the rule that dropped it.'),
  repairs: z.array(RepairSchema).describe('Glued words and other text repairs, each with its rule.'),
  source: SourceSchema.nullable().describe('The publisher, only when the text (or an editor) names it; never invented.'),
  credits: z.array(z.string()).describe('Wire agencies credited (AP, AFP, ATS, dpa, Reuters, EFE …), sorted, unique.'),
  declared: DeclaredSchema.describe('Validated front matter.'),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().positive(),
});
export type Article = z.infer<typeof ArticleSchema>;
