#!/usr/bin/env node
// Folio's command; the TypeScript is compiled to dist/ by `npm install` (postinstall) or `npm run compile`.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('folio: not compiled yet. Run `npm install` (or `npm run compile`) in the Folio folder first.\n');
  process.exit(2);
}
const { main } = await import(entry.href);
const code = await main(process.argv);
// A cancelled build does not wait for work it abandoned (photos being prepared in sharp's threads).
if (code === 130) process.exit(code);
process.exitCode = code;
