import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { check } from '../../src/build/check.js';
import { silentReporter } from '../../src/cli/reporter.js';
import { messagesAsJson } from '../../src/cli/format-messages.js';
import { assertFixture, fixturesDir } from '../helpers/fixtures.js';

// A corpus of bad manuscripts: each folder's expected.txt holds the messages `folio check` must give.
const corpus = path.join(fixturesDir, 'bad');

for (const name of (await readdir(corpus)).sort()) {
  test(`folio check: ${name}`, async () => {
    const dir = path.join(corpus, name);
    const result = await check(dir, silentReporter());
    const lines = messagesAsJson(result.files).map(
      (m) => `${path.relative(dir, path.resolve(m.file))}:${m.line ?? 0}:${m.column ?? 0}  ${m.severity}  ${m.message}  ${m.rule}`,
    );
    await assertFixture(path.join(dir, 'expected.txt'), `${result.failed ? 'fails' : 'passes'}\n${lines.join('\n')}\n`);
  });
}
