/**
 * Decode a URL-encoded path (Markdown image paths and request paths are: `my%20photo.jpg`); a broken escape is
 * taken as written, and is then simply not found.
 * @param text the encoded path
 */
export function decodePath(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}
