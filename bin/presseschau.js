#!/usr/bin/env node
'use strict';
// Thin launcher: the compiled CLI is lib/cli.cjs, started by lib/launch.cjs from V8's code cache
// (src/launch.cjs; both made by scripts/compile.mjs). CommonJS (bin/package.json), so starting the
// CLI does not start Node's ES module loader too (~10 ms of every run).
const { existsSync } = require('node:fs');
const path = require('node:path');

const launch = path.join(__dirname, '..', 'lib', 'launch.cjs');
if (existsSync(launch)) require(launch).run(process.argv.slice(2));
else {
  process.stderr.write('presseschau: lib/ fehlt oder ist veraltet (kein lib/launch.cjs); zuerst `npm run compile` (oder `npm ci`)\n');
  process.exitCode = 70;
}
