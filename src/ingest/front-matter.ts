/** YAML front matter via gray-matter, with broken YAML turned into a located diagnostic. */
import matter from 'gray-matter';
import { diag, type Diagnostic } from '../model/diagnostic.ts';

export interface FrontMatter {
  data: Record<string, unknown>;
  raw: string;
  body: string;
  lineOffset: number;
  diagnostics: Diagnostic[];
}

const FENCE = /^---[ ]*\n([\s\S]*?)\n?---[ ]*(?:\n|$)/;

export function splitFrontMatter(text: string, file: string): FrontMatter {
  const m = FENCE.exec(text);
  if (!m) return { data: {}, raw: '', body: text, lineOffset: 0, diagnostics: [] };
  const raw = m[1] ?? '';
  const lineOffset = m[0].split('\n').length - (m[0].endsWith('\n') ? 1 : 0);
  const body = text.slice(m[0].length);
  try {
    // gray-matter caches by input string; passing an options object disables that cache,
    // which would otherwise keep every file's text alive for the whole build.
    const parsed = matter(text, { excerpt: false });
    const data = parsed.data;
    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      return {
        data: {}, raw, body, lineOffset,
        diagnostics: [diag(file, 'warning', 'ingest', 'front-matter-shape', 'Front Matter ist keine Schlüssel-Wert-Liste; ignoriert', { line: 2, hint: 'Front Matter als `schlüssel: wert`-Zeilen schreiben' })],
      };
    }
    return { data: data as Record<string, unknown>, raw, body, lineOffset, diagnostics: [] };
  } catch (error) {
    const e = error as { mark?: { line?: number; column?: number }; reason?: string; message?: string };
    // js-yaml marks are 0-based within the YAML block, which starts on line 2 of the file.
    const line = e.mark?.line !== undefined ? e.mark.line + 2 : 2;
    const column = e.mark?.column !== undefined ? e.mark.column + 1 : 1;
    return {
      data: {}, raw, body, lineOffset,
      diagnostics: [diag(file, 'warning', 'ingest', 'front-matter-yaml', `Front Matter ist kein gültiges YAML: ${e.reason ?? e.message ?? 'Syntaxfehler'}; ohne Front Matter übernommen`, { line, column, hint: 'YAML zwischen den `---`-Zeilen korrigieren' })],
    };
  }
}
