/**
 * Exit codes, documented in docs/cli.md. 70 is EX_SOFTWARE from BSD sysexits.h: a bug in
 * presseschau, not in the corpus — the message asks for a bug report.
 */
export const EXIT = Object.freeze({
  /** Built (warnings allowed unless --strict). */
  ok: 0,
  /** The build stopped, a diagnostic of severity error, or --strict and a warning. */
  failed: 1,
  /** Wrong command line: unknown command or option, missing or invalid value. */
  usage: 2,
  /** Internal error (an uncaught exception). */
  internal: 70,
});
