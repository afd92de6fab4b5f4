/**
 * Decode a URL-encoded path (Markdown image paths and request paths are: `my%20photo.jpg`, `a%3Db.png`); every
 * escape is decoded, `%2F` included, since the path then goes through the folder's one door, which keeps it
 * inside. A broken escape is taken as written, and is then simply not found.
 * @param text the encoded path
 */
export function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
