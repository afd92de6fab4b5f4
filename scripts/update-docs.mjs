#!/usr/bin/env node
// Regenerates the table of messages in docs/manuscript.md from src/messages/rules.ts (run `npm run docs`).
import { readFile, writeFile } from 'node:fs/promises';

const { rules } = await import('../dist/src/messages/rules.js');
const file = new URL('../docs/manuscript.md', import.meta.url);
const doc = await readFile(file, 'utf8');
const rows = Object.entries(rules).map(([id, rule]) => `| \`${id}\` | ${rule.severity} | ${rule.help.replaceAll('|', '\\|')} |`);
const table = ['| rule id | severity | what it means and what to do |', '| --- | --- | --- |', ...rows].join('\n');
const updated = doc.replace(/(<!-- rules:start[^>]*-->\n)[\s\S]*?(\n<!-- rules:end -->)/, `$1${table}$2`);
await writeFile(file, updated);
console.log(`docs/manuscript.md: ${rows.length} rules`);
