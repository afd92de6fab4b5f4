/**
 * A fresh plugin (unified keeps one use of each plugin function, so every place gets its own) whose transformer
 * changes nothing: it lets the event loop turn (where Ctrl-C and SIGTERM are heard) and stops the chapter if the
 * build was cancelled. Placed between a chapter's plugins, it bounds the time a cancelled build keeps compiling
 * to one plugin's pass over one chapter, instead of every plugin over every chapter.
 * @param signal the build's cancellation signal
 */
export function unifiedCheckpoint(signal: AbortSignal | undefined) {
  return function checkpoint() {
    return async () => {
      await new Promise((resolve) => setImmediate(resolve));
      signal?.throwIfAborted();
    };
  };
}
