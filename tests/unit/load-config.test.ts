import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { VFile } from 'vfile';
import { loadConfig } from '../../src/config/load-config.js';
import { assertFixture, fixturesDir } from '../helpers/fixtures.js';

const folder = path.join(fixturesDir, 'config');

for (const name of await readdir(folder)) {
  test(`report.yaml: ${name}`, async () => {
    const file = new VFile({ path: 'report.yaml', value: await readFile(path.join(folder, name, 'report.yaml'), 'utf8') });
    const loaded = loadConfig(file);
    const lines = file.messages.map((message) => `${message.line ?? 0}:${message.column ?? 0} ${message.fatal ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`);
    // The messages, then what is left to check the chapters with, when report.yaml can still be used.
    const expected = [...lines, ...(loaded ? [`ok ${JSON.stringify(loaded.config)}`] : [])].join('\n') + '\n';
    await assertFixture(path.join(folder, name, 'expected.txt'), expected);
  });
}
