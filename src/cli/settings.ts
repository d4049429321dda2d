/**
 * The CLI's settings, merged once in a documented order and then frozen (see docs/cli.md):
 *
 *   built-in defaults  <  <seeds>/corpus.yml (site.baseUrl)  <  command line
 *
 * Every value remembers where it came from, so `--json` and error messages can say why a
 * setting has the value it has. Nothing downstream mutates settings; stages receive plain values.
 */
import path from 'node:path';
import { loadKnowledge } from '../build.ts';

export type SettingSource = 'default' | 'corpus.yml' | 'cli';

export interface Settings {
  /** Absolute corpus folder. */
  readonly seedsDir: string;
  /** Absolute output folder. */
  readonly outDir: string;
  /** Absolute http(s) base URL ending in `/`, or undefined (relative links only). */
  readonly baseUrl: string | undefined;
  readonly strict: boolean;
  readonly quiet: boolean;
  readonly json: boolean;
  readonly verbose: boolean;
  /** serve/dev only. 0 = any free port. */
  readonly port: number;
  readonly sources: Readonly<Record<'seedsDir' | 'outDir' | 'baseUrl' | 'port', SettingSource>>;
}

/** Options as commander hands them over: only what the user actually typed is present. */
export interface CliOptions {
  seeds?: string;
  out?: string;
  baseUrl?: string;
  strict?: boolean;
  quiet?: boolean;
  json?: boolean;
  verbose?: boolean;
  port?: string;
}

export const DEFAULTS = Object.freeze({ seeds: 'seeds', out: 'dist', port: 8080 });

/** A mistake on the command line (exit code 2), with a German message for the editor. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * `--base-url`: absolute http(s), no query, fragment or credentials (they would leak into every
 * canonical link and feed); a missing trailing slash is added so `new URL(page, base)` keeps the path.
 */
export function parseBaseUrl(raw: string, from: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${from}: „${raw}“ ist keine absolute URL (Beispiel: https://example.org/presse/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${from}: „${raw}“ muss mit http:// oder https:// beginnen`);
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') {
    throw new UsageError(`${from}: „${raw}“ darf weder ?Abfrage, #Anker noch Zugangsdaten enthalten`);
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

export function parsePort(raw: string): number {
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 0 && n <= 65535)) throw new UsageError(`--port: „${raw}“ ist keine Portnummer (0–65535; 0 = irgendein freier Port)`);
  return n;
}

export async function resolveSettings(cli: CliOptions, cwd: string): Promise<Settings> {
  const seedsDir = path.resolve(cwd, cli.seeds ?? DEFAULTS.seeds);
  const outDir = path.resolve(cwd, cli.out ?? DEFAULTS.out);
  // Whether --out is safe to replace (not the corpus, the project, home …) is decided by
  // build()'s output guard (src/config/guard.ts), one rule set for every caller.
  let baseUrl: string | undefined;
  let baseUrlSource: SettingSource = 'default';
  if (cli.baseUrl !== undefined) {
    baseUrl = parseBaseUrl(cli.baseUrl, '--base-url');
    baseUrlSource = 'cli';
  } else {
    // An invalid corpus.yml is not a usage error: the build reports it with file and line.
    const fromCorpus = (await loadKnowledge(seedsDir)).knowledge?.site.baseUrl;
    if (fromCorpus !== undefined) {
      baseUrl = parseBaseUrl(fromCorpus, 'corpus.yml site.baseUrl');
      baseUrlSource = 'corpus.yml';
    }
  }
  const settings: Settings = {
    seedsDir,
    outDir,
    baseUrl,
    strict: cli.strict === true,
    quiet: cli.quiet === true,
    json: cli.json === true,
    verbose: cli.verbose === true,
    port: cli.port !== undefined ? parsePort(cli.port) : DEFAULTS.port,
    sources: Object.freeze({
      seedsDir: cli.seeds !== undefined ? 'cli' : 'default',
      outDir: cli.out !== undefined ? 'cli' : 'default',
      baseUrl: baseUrlSource,
      port: cli.port !== undefined ? 'cli' : 'default',
    }),
  };
  return Object.freeze(settings);
}
