/**
 * The publisher (`source`) and the wire-agency `credits`, each only from what the text says.
 * Publisher, in this order: front matter `publisher` (declared) → a "© Publisher" line → a
 * publisher suffix on the title line → a newsletter blurb naming the title in quotes
 * („Tribune de Genève“ bietet Ihnen …). A © holder that is a wire agency is a credit, not the
 * publisher; photo credits ("The AP. All rights reserved.") are neither.
 */
import type { RemovedLine, Source } from '../model/article.ts';
import { AGENCY_SOURCE, agencyName, findAgencies, RULES } from './data.ts';

const CREDIT_RULES = new Set(RULES.filter((r) => r.credits).map((r) => r.name));

const COPYRIGHT_PREFIX = /^(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?/iu;
/** The company's legal form is not part of the publication's name. */
const LEGAL_FORM = /,?\s+(?:GmbH(?:\s*&\s*Co\.?\s*KG)?|AG|SE|KG|KGaA|Ltd\.?|Inc\.?|S\.A\.|SA|e\.\s?V\.)\s*$/u;
const RIGHTS = /[,.;]?\s*(?:All rights reserved|Alle Rechte vorbehalten)\b.*$/iu;

/** "© 2024 Euronews. Alle Rechte vorbehalten." → "Euronews". */
export function copyrightHolder(line: string): string {
  return line
    .replace(COPYRIGHT_PREFIX, '')
    .replace(RIGHTS, '')
    .replace(LEGAL_FORM, '')
    .replace(/[\s.,;:|–—-]+$/u, '')
    .trim();
}

/** "dpa-infocom, dpa:240619-99-478512/3", "Reuters 2024": the © holder is a wire agency. */
function holderAgency(holder: string): string | undefined {
  const head = (holder.split(/[\s,:;/]+/)[0] ?? '').replace(/-(?:infocom|AFX)$/iu, '');
  return agencyName(head);
}
const isAgencyHolder = (holder: string): boolean => holderAgency(holder) !== undefined;

const BLURB = /[„“"»]([^„“”"»«\n]{2,60})[“”"«]\s+(?:bietet|schickt|liefert|sendet|bringt)\s+Ihnen\b/u;

export interface SourceInput {
  declaredPublisher: string | undefined;
  removed: readonly RemovedLine[];
  titleSuffix: { publisher: string; evidence: string } | undefined;
}

export function findSource(input: SourceInput): Source | null {
  if (input.declaredPublisher) return { name: input.declaredPublisher, provenance: 'declared', evidence: `publisher: ${input.declaredPublisher}` };
  for (const r of input.removed) {
    if (r.rule !== 'copyright') continue;
    const holder = copyrightHolder(r.text);
    if (holder && !isAgencyHolder(holder)) return { name: holder, provenance: 'extracted', evidence: r.text };
  }
  if (input.titleSuffix) return { name: input.titleSuffix.publisher, provenance: 'extracted', evidence: input.titleSuffix.evidence };
  for (const r of input.removed) {
    if (r.rule !== 'newsletter-blurb') continue;
    const m = BLURB.exec(r.text);
    if (m?.[1]) return { name: m[1].trim(), provenance: 'extracted', evidence: m[0] };
  }
  return null;
}

/** "Berlin (dpa) –", "(AFP) –", "Moskau/Pjöngjang (dpa/AFP) -" at the start of a paragraph. */
const DATELINE = new RegExp(`^(?:\\p{Lu}[\\p{L}.\\/ -]{1,40}\\s)?\\(((?:${AGENCY_SOURCE})(?:\\s*[/,]\\s*(?:${AGENCY_SOURCE}))*)\\)\\s*[-–—:]`, 'u');

export function datelineAgencies(paragraph: string): string[] {
  // Every dateline holds "(" within the 120 characters read; most paragraphs have none there.
  const paren = paragraph.indexOf('(');
  if (paren === -1 || paren >= 120) return [];
  const m = DATELINE.exec(paragraph.slice(0, 120));
  return m?.[1] ? findAgencies(m[1]) : [];
}

const collator = new Intl.Collator('de');

/** Agencies credited by credit lines, agency-held © lines and datelines; sorted, unique. */
export function collectCredits(removed: readonly RemovedLine[], paragraphs: readonly string[]): string[] {
  const names = new Set<string>();
  for (const r of removed) {
    if (CREDIT_RULES.has(r.rule)) for (const a of findAgencies(r.text)) names.add(a);
    if (r.rule === 'copyright') {
      const holder = copyrightHolder(r.text);
      const agency = holderAgency(holder);
      if (agency) names.add(agency);
    }
  }
  for (const p of paragraphs) for (const a of datelineAgencies(p)) names.add(a);
  return [...names].sort(collator.compare);
}
