/**
 * The largest file Folio reads of each kind, in bytes: far above any real report (a long chapter is a few
 * hundred KB, a camera photo 5–30 MB, a CJK font 20 MB), low enough that no file can exhaust memory.
 */
export const fileLimits = {
  config: 1024 * 1024,
  // A chapter's heaviest plugin pass (smartypants) takes about 4 s a megabyte on a loaded machine, and Ctrl-C is
  // heard only between passes: a chapter of 1 MB (some 500 pages) keeps a cancelled build waiting a few seconds.
  chapter: 1024 * 1024,
  image: 64 * 1024 * 1024,
  font: 32 * 1024 * 1024,
} as const;

/** What a file is read as: decides its size limit and how refusals are worded. */
export type FileKind = keyof typeof fileLimits;

/** The most pixels an image may have (width × height): a 150-megapixel camera's; decoding more risks the memory. */
export const maxImagePixels = 150_000_000;
