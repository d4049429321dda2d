/** The corpus knowledge editors maintain in `seeds/corpus.yml`. */
import * as z from 'zod';
import { EntityTypeSchema } from './enriched.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum im Format JJJJ-MM-TT erwartet');
const id = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'id: nur a–z, 0–9 und Bindestriche');

export const SiteSettingsSchema = z.strictObject({
  title: z.string().min(1),
  description: z.string().default(''),
  language: z.string().default('de'),
  /** Absolute base URL for canonical links, feeds and sitemap, e.g. https://example.org/presse/ */
  baseUrl: z.url().optional(),
});
export type SiteSettings = z.infer<typeof SiteSettingsSchema>;

export const EntitySchema = z.strictObject({
  id,
  name: z.string().min(1),
  type: EntityTypeSchema,
  aliases: z.array(z.string().min(1)).default([]),
  role: z.string().default(''),
  description: z.string().default(''),
  /** Entity id of the country the entity belongs to, when useful for disambiguation. */
  country: z.string().optional(),
  /**
   * Short names shared with other entities ("Kim"): they count as a mention only through the
   * nearest named antecedent in the same article (see docs/knowledge.md). Additive, optional.
   */
  shortNames: z.array(z.string().min(1)).default([]),
  /**
   * Role phrases ("Kremlchef", "russische Präsident") that refer to this entity only when it is
   * also named in the article and — when from/to are given — the text's time is in that period.
   * A plain string is a role alias without a period. Additive, optional.
   */
  roleAliases: z.array(z.union([z.string().min(1), z.strictObject({ text: z.string().min(1), from: isoDate.optional(), to: isoDate.optional() })])).default([]),
});
export type Entity = z.infer<typeof EntitySchema>;

export const EventSchema = z.strictObject({
  id,
  name: z.string().min(1),
  start: isoDate,
  end: isoDate,
  /** Entity id of the place. */
  place: z.string(),
  participants: z.array(z.string()).default([]),
  description: z.string().default(''),
  /** Words that point to this event ("Wostotschny", "Partnerschaftsvertrag"). */
  keywords: z.array(z.string()).default([]),
});
export type CorpusEvent = z.infer<typeof EventSchema>;

export const OverrideSchema = z.strictObject({
  publisher: z.string().optional(),
  date: isoDate.optional(),
  title: z.string().optional(),
});
export type Override = z.infer<typeof OverrideSchema>;

export const KnowledgeSchema = z.strictObject({
  site: SiteSettingsSchema,
  entities: z.array(EntitySchema).default([]),
  events: z.array(EventSchema).default([]),
  /** Keyed by source file relative to seeds/ (e.g. `003_68cbc1ad60d296a1.txt`). */
  overrides: z.record(z.string(), OverrideSchema).default({}),
});
export type Knowledge = z.infer<typeof KnowledgeSchema>;
