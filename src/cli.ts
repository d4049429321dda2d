/**
 * argv → settings → command → exit code. The launcher (bin/presseschau.js) turns the returned
 * code into the process exit code; nothing below this module calls process.exit.
 * Commands, options, precedence and exit codes: docs/cli.md.
 */
import { readFileSync } from 'node:fs';
import { CommanderError } from 'commander';
import { runBuild } from './cli/commands/build.ts';
// new, serve and dev are imported when used (below): their modules and dependencies (sirv,
// chokidar) are in the bundle but evaluated only then (docs/performance.md, start-up).
import { EXIT } from './cli/exit-codes.ts';
import { palette, useColour, type Io } from './cli/output.ts';
import { COMMANDS, createProgram, type Action } from './cli/program.ts';
import { resolveSettings, UsageError } from './cli/settings.ts';

/** The pool's threads start from the same bundle (src/launch.cjs). */
export { runWorker } from './parallel/worker.ts';

/** From package.json, one level above both src/cli.ts and the lib/cli.cjs bundle. */
function packageVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const version = (pkg as { version?: unknown }).version; // shape checked on the next line
  return typeof version === 'string' ? version : '0.0.0';
}

/** Until Ctrl+C or SIGTERM: how `serve` and `dev` know when to stop. */
function signalsToAbort(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

/**
 * A bare `presseschau [optionen]` means `build`. A first word that is no command is reported as
 * an unknown command (commander's default-command routing would call it a surplus argument).
 */
function route(argv: readonly string[]): string[] | { unknown: string } {
  const first = argv[0];
  if (first === undefined) return ['build'];
  if (first.startsWith('-')) return ['-h', '--help', '-V', '--version'].includes(first) ? [...argv] : ['build', ...argv];
  return COMMANDS.includes(first) ? [...argv] : { unknown: first };
}

export async function main(argv: string[], partialIo: Partial<Io> = {}, stop?: AbortSignal): Promise<number> {
  const io: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), ...partialIo };
  const p = palette(useColour(io.stderr, io.env));
  let action: Action | undefined;
  const output = { writeOut: (s: string) => void io.stdout.write(s), writeErr: (s: string) => void io.stderr.write(s), paintError: p.red };
  const program = createProgram(packageVersion(), output, (a) => {
    action = a;
  });

  const routed = route(argv);
  if (!Array.isArray(routed)) {
    io.stderr.write(p.red(`Fehler: unbekannter Befehl „${routed.unknown}“ (Befehle: ${COMMANDS.join(', ')})`) + '\n\n');
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(routed, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return ['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code) ? EXIT.ok : EXIT.usage;
    }
    throw error;
  }
  // Copied into a const: TypeScript does not narrow a `let` assigned inside a callback.
  const a: Action | undefined = action;
  if (!a) return EXIT.ok; // `help` printed something and returned

  const signals = a.command === 'serve' || a.command === 'dev' ? signalsToAbort() : undefined;
  const until = stop ?? signals?.signal ?? AbortSignal.abort();
  try {
    if (a.command === 'new') return await (await import('./cli/commands/new.ts')).runNew(a.dir, a.options.quiet === true, io);
    const settings = await resolveSettings(a.options, io.cwd);
    if (a.command === 'build' || a.command === 'check') return (await runBuild(a.command, settings, io)).code;
    if (a.command === 'serve') return await (await import('./cli/commands/serve.ts')).runServe(settings, io, until);
    return await (await import('./cli/commands/dev.ts')).runDev(settings, io, until);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`${p.red('Fehler:')} ${error.message}\n(Hilfe: presseschau ${a.command} --help)\n`);
      return EXIT.usage;
    }
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(`${p.red('presseschau: interner Fehler')} — ein Fehler im Programm, nicht im Korpus; bitte mit dieser Ausgabe melden:\n${text}\n`);
    return EXIT.internal;
  } finally {
    signals?.dispose();
  }
}
