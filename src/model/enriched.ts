/** The enriched record: an Article plus what enrich/ read out of it, each with evidence. */
import * as z from 'zod';
import { ArticleSchema, ProvenanceSchema } from './article.ts';

export const EntityTypeSchema = z.enum(['person', 'place', 'organisation']);
export type EntityType = z.infer<typeof EntityTypeSchema>;

export const PublishedSchema = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  provenance: ProvenanceSchema,
  /** The phrase or line the date was read from, and how (e.g. `"Heute um 19:58 Uhr" anchored on event 2024-06-pyongyang`). */
  evidence: z.string(),
});
export type Published = z.infer<typeof PublishedSchema>;

export const OccurrenceSchema = z.strictObject({
  /** Index into `blocks`, or "title". */
  block: z.union([z.number().int().nonnegative(), z.literal('title')]),
  /** UTF-16 offsets into that block's (or the title's) text. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** The surface form as written ("Putins", "Kremlchef"). */
  text: z.string(),
});
export type Occurrence = z.infer<typeof OccurrenceSchema>;

export const EntityRefSchema = z.strictObject({
  id: z.string(),
  /** Canonical name from corpus.yml. */
  name: z.string(),
  type: EntityTypeSchema,
  /** Number of mentions. */
  mentions: z.number().int().positive(),
  occurrences: z.array(OccurrenceSchema),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;

export const QuoteSchema = z.strictObject({
  text: z.string(),
  speakerId: z.string().nullable(),
  speakerName: z.string().nullable(),
  /** Index into `blocks`. */
  paragraph: z.number().int().nonnegative(),
  /** The attribution as written ("erklärte Kim", "sagte er" → resolved). */
  evidence: z.string(),
  /** Ids of other articles carrying the same statement (filled in by the index stage). */
  sameAs: z.array(z.string()),
});
export type Quote = z.infer<typeof QuoteSchema>;

export const CandidateSchema = z.strictObject({
  name: z.string(),
  kind: z.enum(['person', 'organisation', 'place']),
  /** The phrase it was found in ("Professor Koh Yu-hwan"). */
  context: z.string(),
  block: z.union([z.number().int().nonnegative(), z.literal('title')]),
});
export type Candidate = z.infer<typeof CandidateSchema>;

export const EnrichedArticleSchema = ArticleSchema.extend({
  published: PublishedSchema.nullable(),
  event: z.string().nullable().describe('Main event id from corpus.yml, or null for an overview/chronicle.'),
  mentionedEvents: z.array(z.string()),
  entities: z.array(EntityRefSchema),
  quotes: z.array(QuoteSchema),
  candidates: z.array(CandidateSchema).describe('Names that look like people/organisations but are not in corpus.yml.'),
});
export type EnrichedArticle = z.infer<typeof EnrichedArticleSchema>;
