import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Collect Node's garbage now. Between stages that allocate much (compiling hundreds of chapters) and a long wait
 * on the browser (laying out), V8 has no reason to collect, and the dead trees held about 400 MB of the 26×
 * policy paper's peak while the tabs laid it out. A full collection: for long reports, not every watch rebuild.
 */
export function collectGarbage(): void {
  // `gc` is only exposed under --expose-gc, which `node bin/folio.js` is not given; setting it now exposes it to
  // contexts made afterwards.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // The second collection finishes the first one's sweeping and gives its pages back at once; alone, the first left
  // that to V8's background threads, and on a loaded machine Node then kept 120 MB more through the whole layout.
  gc();
  gc();
}
