/**
 * The stage's work, or the cancellation, whichever comes first: work running outside JavaScript (sharp's threads
 * preparing photos, the browser printing) is not waited for once the build is cancelled. The CLI exits after a
 * cancelled build without waiting for that abandoned work either.
 * @param work the stage's promise
 * @param signal the build's cancellation signal
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
