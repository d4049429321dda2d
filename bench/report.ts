/** The shape of bench/results.json and the Markdown table printed from it. */
import type { Stats } from './measure.ts';
import type { ToolName } from './tools.ts';

export interface ToolResult extends Stats {
  rssMB: number | null;
  /** CPU time per run (user + system of the tool and its children, ms), when GNU time measured every run. */
  cpu?: Stats;
  outputBytes: number;
  outputFiles: number;
  /** HTML files in the article folder: must equal the corpus size. */
  articlePages: number;
  /** presseschau only: the theme's built-in assets (the package's assets/) its output lacks; must be empty. */
  missingAssets?: string[];
  articlesPerSec: number;
  /** 1-minute load average when each run started (the machine is shared; high load = noisy). */
  load1: number[];
}

export interface CorpusResult {
  articles: number;
  inputBytes: number;
  corpusKey: string;
  tools: Partial<Record<ToolName, ToolResult>>;
  /** presseschau median / their median. Below 1 = presseschau is faster. */
  ratios: Partial<Record<'eleventy' | 'hugo', number>>;
  /** The same with the fastest runs: on a busy shared machine noise only adds time, so min is the steadier comparison. */
  ratiosMin: Partial<Record<'eleventy' | 'hugo', number>>;
}

export interface IncrementalResult extends Stats {
  articles: number;
  /** Cold full build before the edits, for comparison. */
  fullMs: number;
  /** Pages whose files were rewritten by the last edit (mtime changed), when measurable. */
  rewrittenFiles: number;
  /**
   * dev only: from saving the edit until the server answers the article's URL with the new text
   * (the preview, src/preview.ts), measured by the bench over http; the rebuild lands later.
   */
  preview?: Stats;
}

export interface Results {
  date: string;
  machine: { cpu: string; cores: number; memoryGB: number; os: string; gnuTime: boolean };
  versions: { node: string; presseschau: string | null; eleventy: string | null; hugo: string | null };
  /** The five seeds, cold: no output folder and no record cache before each run. */
  seeds?: Stats;
  /** The same build again over its own output and cache. */
  seedsWarm?: Stats;
  /** `node -e 0`, measured between the cold seed builds: Node's own start-up in the same run. */
  nodeStart?: Stats;
  corpora: Record<string, CorpusResult>;
  incremental?: IncrementalResult;
  /** The same edits in `presseschau dev` (threads and unchanged results kept between rebuilds). */
  devIncremental?: IncrementalResult;
}

const de = new Intl.NumberFormat('de-DE');
const sec = (ms: number) => `${(ms / 1000).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 })} s`;
const ms = (n: number) => `${de.format(Math.round(n))} ms`;
const mib = (bytes: number) => `${de.format(Math.round(bytes / 2 ** 20))} MiB`;

export function renderTable(r: Results): string {
  const lines = [
    `Rechner: ${r.machine.cpu}, ${r.machine.cores} Kerne, ${r.machine.memoryGB} GB RAM, ${r.machine.os} · Node ${r.versions.node} · ` +
      `presseschau ${r.versions.presseschau ?? '?'} · Eleventy ${r.versions.eleventy ?? '—'} · Hugo ${r.versions.hugo ?? '—'} · ${r.date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    '| Artikel | Werkzeug | Median | min–max (Läufe) | CPU-Zeit (Median) | Artikel/s | Spitzen-RSS | Ausgabe | Seiten | ×Eleventy | ×Hugo | CPU ×Eleventy | CPU ×Hugo |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of Object.values(r.corpora)) {
    for (const [name, t] of Object.entries(c.tools)) {
      const ratio = (k: 'eleventy' | 'hugo') =>
        name === 'presseschau' && c.ratios[k] !== undefined ? `${c.ratios[k]?.toLocaleString('de-DE')}× (min ${c.ratiosMin[k]?.toLocaleString('de-DE')}×)` : '';
      const own = c.tools.presseschau?.cpu;
      const cpuRatio = (k: 'eleventy' | 'hugo') => {
        const theirs = c.tools[k]?.cpu;
        return name === 'presseschau' && own && theirs && theirs.median > 0 ? `${(Math.round((own.median / theirs.median) * 100) / 100).toLocaleString('de-DE')}×` : '';
      };
      lines.push(
        `| ${de.format(c.articles)} | ${name} | ${sec(t.median)} | ${sec(t.min)}–${sec(t.max)} (${t.runs.length}) | ${t.cpu ? sec(t.cpu.median) : '?'} | ${de.format(t.articlesPerSec)} | ` +
          `${t.rssMB === null ? '?' : `${de.format(Math.round(t.rssMB))} MiB`} | ${mib(t.outputBytes)} | ${de.format(t.outputFiles)} | ${ratio('eleventy')} | ${ratio('hugo')} | ${cpuRatio('eleventy')} | ${cpuRatio('hugo')} |`,
      );
    }
  }
  if (r.seeds) {
    const warm = r.seedsWarm ? `; noch einmal über die eigene Ausgabe und den Cache: Median ${sec(r.seedsWarm.median)} (${sec(r.seedsWarm.min)}–${sec(r.seedsWarm.max)})` : '';
    const node = r.nodeStart ? ` Node allein (\`node -e 0\`, zwischen den kalten Läufen): Median ${sec(r.nodeStart.median)}.` : '';
    lines.push('', `Die fünf Seeds, voller Build mit Node-Start, kalt (ohne Ausgabe und Cache): Median ${sec(r.seeds.median)} (${sec(r.seeds.min)}–${sec(r.seeds.max)}, ${r.seeds.runs.length} Läufe)${warm}.${node}`);
  }
  if (r.incremental) {
    const i = r.incremental;
    lines.push(
      '',
      `Ein geänderter Artikel im ${de.format(i.articles)}-Korpus, neu gebaut und geschrieben: Median ${sec(i.median)} (${sec(i.min)}–${sec(i.max)}, ${i.runs.length} Änderungen; ` +
        `voller Build davor ${sec(i.fullMs)}; zuletzt ${de.format(i.rewrittenFiles)} Dateien neu geschrieben).`,
    );
  }
  if (r.devIncremental) {
    const i = r.devIncremental;
    lines.push(
      '',
      `Dasselbe in \`presseschau dev\` (Threads und unveränderte Ergebnisse bleiben zwischen den Builds): Median ${sec(i.median)} (${sec(i.min)}–${sec(i.max)}, ${i.runs.length} Änderungen; erster Build ${sec(i.fullMs)}).`,
    );
    if (i.preview) {
      lines.push(
        '',
        `In \`presseschau dev\` zeigt der Server die Seite des geänderten Artikels mit dem neuen Text (Vorschau gegen den letzten Build, gemessen über http ab dem Speichern, inkl. 120 ms Warten auf das Ende des Speicherns): ` +
          `Median ${ms(i.preview.median)} (${ms(i.preview.min)}–${ms(i.preview.max)}); die übrigen Seiten folgen mit dem Neubau oben.`,
      );
    }
  }
  return lines.join('\n');
}
