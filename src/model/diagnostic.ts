/**
 * A diagnostic in the unified/vfile spirit: where, what, which rule, and what to do.
 * Every stage reports through these instead of logging; the build report collects them.
 */
export type Severity = 'error' | 'warning' | 'info';

export type Stage = 'config' | 'ingest' | 'normalise' | 'enrich' | 'index' | 'render' | 'write' | 'build';

export interface Diagnostic {
  /** Path relative to the seeds folder (or the config file name), posix separators. */
  file: string;
  /** 1-based line in the original file, when known. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  severity: Severity;
  stage: Stage;
  /** Stable rule id, kebab-case, e.g. `caption-dedupe`, `invalid-utf8`. */
  ruleId: string;
  /** What is wrong, one sentence, German or English as the UI dictates (we use German for editors). */
  message: string;
  /** What the editor should do about it. */
  hint?: string;
}

/** `seeds/001.txt:12:1  warning  Caption repeated; kept once  caption-dedupe` */
export function formatDiagnostic(d: Diagnostic, prefix = ''): string {
  const where = `${prefix}${d.file}${d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : ''}`;
  const hint = d.hint ? ` (${d.hint})` : '';
  return `${where}  ${d.severity}  ${d.message}${hint}  ${d.ruleId}`;
}

export function diag(
  file: string,
  severity: Severity,
  stage: Stage,
  ruleId: string,
  message: string,
  extra: { line?: number; column?: number; hint?: string } = {},
): Diagnostic {
  const d: Diagnostic = { file, severity, stage, ruleId, message };
  if (extra.line !== undefined) d.line = extra.line;
  if (extra.column !== undefined) d.column = extra.column;
  if (extra.hint !== undefined) d.hint = extra.hint;
  return d;
}
