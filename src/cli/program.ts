/**
 * The command-line surface: commands, options and German help texts (commander 14).
 * Defaults are NOT given to commander: an option is present only when the user typed it,
 * so settings.ts can apply the documented order defaults < corpus.yml < command line.
 */
import { Command, Option } from 'commander';
import type { CliOptions } from './settings.ts';

/** German headings for commander's English help skeleton. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Aufruf:',
  'Options:': 'Optionen:',
  'Commands:': 'Befehle:',
  'Arguments:': 'Argumente:',
  'Global Options:': 'Globale Optionen:',
};

export type Action =
  | { command: 'build' | 'check' | 'serve' | 'dev'; options: CliOptions }
  | { command: 'new'; dir: string; options: CliOptions };

const EPILOG = `
Beispiele:
  presseschau                                 seeds/ → dist/ bauen
  presseschau build --seeds korpus --out web  anderer Korpus, anderer Ausgabeordner
  presseschau check --strict                  nur prüfen; Warnungen zählen als Fehler
  presseschau dev                             bauen, ausliefern, bei Änderungen neu laden
  presseschau new mein-korpus                 neuen Korpus-Ordner anlegen

Reihenfolge der Einstellungen: Standardwerte < seeds/corpus.yml < Kommandozeile.
Exit-Codes: 0 ok (Warnungen erlaubt), 1 Build gescheitert/--strict, 2 falscher Aufruf, 70 interner Fehler.
Dokumentation: docs/cli.md`;

/** Options shared by build, check and dev. */
function corpusOptions(cmd: Command, opts: { out: boolean }): Command {
  cmd.option('--seeds <ordner>', 'Korpus-Ordner mit Artikeln und corpus.yml (Standard: seeds)');
  if (opts.out) cmd.option('--out <ordner>', 'Ausgabeordner; wird bei jedem Build vollständig ersetzt (Standard: dist)');
  return cmd
    .option('--base-url <url>', 'absolute http(s)-Basis-URL für kanonische Links, Feeds und Sitemap (Standard: site.baseUrl aus corpus.yml)')
    .option('--strict', 'jede Warnung lässt den Build scheitern (Exit-Code 1)')
    .option('-q, --quiet', 'nur Fehler und die Zusammenfassung ausgeben')
    .option('--verbose', 'auch Hinweise (info) ausgeben, nicht nur Fehler und Warnungen');
}

function portOption(cmd: Command): Command {
  return cmd.addOption(new Option('-p, --port <nummer>', 'Port auf 127.0.0.1 (Standard: 8080; 0 = irgendein freier Port)'));
}

/**
 * Build the program. `onAction` receives what to run; parsing itself never runs anything,
 * which keeps this module free of I/O and easy to test.
 */
export interface ProgramOutput {
  writeOut(s: string): void;
  writeErr(s: string): void;
  /** Paints error messages (red on a terminal). */
  paintError(s: string): string;
}

export function createProgram(version: string, out: ProgramOutput, onAction: (a: Action) => void): Command {
  const program = new Command('presseschau');
  // exitOverride, output and help-after-error are set before any subcommand exists, because
  // commander copies these settings into each subcommand when it is created.
  program
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({
      writeOut: out.writeOut,
      writeErr: out.writeErr,
      outputError: (s, write) => write(out.paintError(translateError(s))),
    })
    .usage('[optionen] [befehl]')
    .description('Baut aus deutschen Pressetexten (.txt, .md) eine verlinkte, durchsuchbare statische Website.')
    .version(version, '-V, --version', 'Versionsnummer ausgeben')
    .helpOption('-h, --help', 'diese Hilfe ausgeben')
    .helpCommand('help [befehl]', 'Hilfe zu einem Befehl ausgeben')
    // Set before any subcommand exists: commander copies it into each one.
    .configureHelp({ styleTitle: (title: string) => TITLES[title] ?? title })
    .addHelpText('after', EPILOG);

  const sub = (name: string, description: string) => {
    return program.command(name).description(description).usage('[optionen]').helpOption('-h, --help', 'diese Hilfe ausgeben');
  };

  corpusOptions(sub('build', 'Korpus einlesen und die Website bauen (Standardbefehl)'), { out: true })
    .option('--json', 'Bericht als JSON auf stdout ausgeben (sonst nichts auf stdout)')
    .action((options: CliOptions) => onAction({ command: 'build', options }));
  // commander's isDefault would also swallow mistyped command names as arguments of build;
  // cli.ts routes a bare `presseschau [optionen]` to build instead.

  corpusOptions(sub('check', 'ganze Pipeline im Speicher ausführen, Meldungen ausgeben, nichts schreiben'), { out: false })
    .option('--json', 'Bericht als JSON auf stdout ausgeben (sonst nichts auf stdout)')
    .action((options: CliOptions) => onAction({ command: 'check', options }));

  portOption(
    sub('serve', 'den gebauten Ausgabeordner auf http://127.0.0.1 ausliefern (nur lokal erreichbar)')
      .option('--out <ordner>', 'auszuliefernder Ordner (Standard: dist)')
      .option('-q, --quiet', 'nur die URL ausgeben'),
  ).action((options: CliOptions) => onAction({ command: 'serve', options }));

  portOption(corpusOptions(sub('dev', 'bauen, ausliefern und bei jeder Änderung an Korpus oder Templates neu bauen und die Seite neu laden'), { out: true }))
    .action((options: CliOptions) => onAction({ command: 'dev', options }));

  sub('new', 'neuen Korpus-Ordner anlegen: Beispielartikel, corpus.yml, templates/, README')
    .usage('[optionen] <ordner>')
    .argument('<ordner>', 'Zielordner; darf noch nicht existieren oder muss leer sein')
    .option('-q, --quiet', 'keine Hinweise ausgeben')
    .action((dir: string, options: CliOptions) => onAction({ command: 'new', dir, options }));

  return program;
}

export const COMMANDS: readonly string[] = ['build', 'check', 'serve', 'dev', 'new', 'help'];

/**
 * commander's English error texts, translated. Unknown texts pass through unchanged (better an
 * English message than none); the `error:` prefix always becomes `Fehler:`.
 */
export function translateError(message: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/unknown option '([^']*)'/, (o) => `unbekannte Option „${o}“`],
    [/unknown command '([^']*)'/, (c) => `unbekannter Befehl „${c}“`],
    [/option '([^']*)' argument missing/, (o) => `Option „${o}“ braucht einen Wert`],
    [/missing required argument '([^']*)'/, (a) => `Argument „${a}“ fehlt`],
    [/too many arguments for '([^']*)'\. Expected (\d+) arguments? but got (\d+)\./, (c, e, g) => `zu viele Argumente für „${c}“: erwartet ${e}, erhalten ${g}`],
    [/too many arguments\. Expected (\d+) arguments? but got (\d+)\./, (e, g) => `zu viele Argumente: erwartet ${e}, erhalten ${g}`],
    [/\(Did you mean one of ([^?]*)\?\)/, (l) => `(Meinten Sie eines von ${l}?)`],
    [/\(Did you mean ([^?]*)\?\)/, (s) => `(Meinten Sie ${s}?)`],
  ];
  let out = message.replace(/^error: /, 'Fehler: ');
  for (const [re, fn] of rules) out = out.replace(re, (_m, ...groups: unknown[]) => fn(...groups.filter((g): g is string => typeof g === 'string')));
  return out;
}
