import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Builds in tests keep their caches in a temporary folder, never in the user's ~/.cache/folio; processes the
// tests start inherit it.
process.env['FOLIO_CACHE_DIR'] ??= mkdtempSync(path.join(os.tmpdir(), 'folio-test-cache-'));
