/** argv → options; the only place that calls process.exit. */
import path from 'node:path';
import { Command } from 'commander';
import { build, BuildError } from './build.ts';
import { formatDiagnostic } from './model/diagnostic.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('presseschau').description('Statische Website aus deutschen Pressetexten').exitOverride();
  let code = 0;
  program
    .command('build', { isDefault: true })
    .description('Korpus einlesen und die Website bauen')
    .option('--seeds <dir>', 'Korpus-Ordner', 'seeds')
    .option('--out <dir>', 'Ausgabeordner', 'dist')
    .option('--base-url <url>', 'absolute Basis-URL für kanonische Links und Feeds')
    .option('--strict', 'jede Warnung lässt den Build scheitern')
    .action(async (opts: { seeds: string; out: string; baseUrl?: string; strict?: boolean }) => {
      const started = performance.now();
      try {
        const r = await build({
          seedsDir: path.resolve(opts.seeds),
          outDir: path.resolve(opts.out),
          ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
          strict: opts.strict === true,
        });
        for (const d of r.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
        process.stderr.write(`${r.records.length} Artikel, ${r.written?.files ?? 0} Dateien in ${opts.out} (${Math.round(performance.now() - started)} ms)\n`);
      } catch (error) {
        if (error instanceof BuildError) {
          for (const d of error.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
          process.stderr.write(`Fehler: ${error.message}\n`);
          code = 1;
          return;
        }
        throw error;
      }
    });
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const e = error as { exitCode?: number; code?: string };
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return 0;
    return e.exitCode ?? 2;
  }
  return code;
}
