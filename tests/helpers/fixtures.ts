import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import assert from 'node:assert/strict';
import { packageRoot } from '../../src/package-paths.js';

/** tests/fixtures, in the source tree (tests run from dist/, fixtures stay where they are written). */
export const fixturesDir = path.join(packageRoot, 'tests', 'fixtures');

/**
 * Compare `actual` with the expected file; with UPDATE=1 in the environment, write it instead.
 * @param file the expected file
 * @param actual what the code produced
 */
export async function assertFixture(file: string, actual: string): Promise<void> {
  if (process.env['UPDATE'] === '1' || !existsSync(file)) {
    if (process.env['UPDATE'] !== '1' && process.env['CI']) assert.fail(`Missing expected file ${file}: run the tests with UPDATE=1 and review it.`);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  assert.equal(actual, await readFile(file, 'utf8'), `${path.relative(packageRoot, file)} differs (UPDATE=1 rewrites it after review)`);
}
