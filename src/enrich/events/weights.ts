/**
 * Event-scoring weights (weights.json), validated once at module load: a malformed file is a build
 * bug, so it throws with the zod path.
 */
import * as z from 'zod';
import raw from './weights.json' with { type: 'json' };

const W = z.number().nonnegative();
const WeightsSchema = z.strictObject({
  $source: z.string().min(1),
  place: W,
  /** A mention of the country the event's place lies in ("reist nach Nordkorea"). */
  placeCountry: W,
  participant: W,
  keyword: W,
  dateExact: W,
  dateMonth: W,
  dateYear: W,
  /** A month without a year ("im Juni"). */
  dateMonthOnly: W,
  title: W,
  caption: W,
  retrospective: W,
  perFeatureCap: z.number().int().positive(),
  mainMin: W,
  mainRatio: z.number().min(1),
  mentionMin: W,
  /**
   * Words and spaces only: a marker then never spans a sentence end, which lets scoreEvents find
   * them in one pass per text (EventIndex.retrospectiveAt).
   */
  retrospectiveMarkers: z.array(z.string().regex(/^\p{L}+(?:\s+\p{L}+)*$/u, 'nur Wörter und Leerzeichen')).min(1),
});
export type EventWeights = z.infer<typeof WeightsSchema>;

export const weights: EventWeights = WeightsSchema.parse(raw);
