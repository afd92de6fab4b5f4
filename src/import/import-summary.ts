import { visit } from 'unist-util-visit';
import type { Chapter } from './split-chapters.js';

/**
 * What the import carried over, counted in the new chapters: a line per kind of part.
 * @param draftName the draft's file name
 * @param chapters the chapters written
 * @param images how many pictures were extracted
 */
export function importSummary(draftName: string, chapters: readonly Chapter[], images: number): string {
  const counts = new Map<string, number>();
  for (const chapter of chapters) {
    visit(chapter.tree, (node) => {
      const kind = node.type === 'containerDirective' ? 'takeaways box' : names[node.type];
      if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    });
  }
  const parts = [...counts].map(([kind, count]) => `${count} ${count === 1 ? kind : plural(kind)}`);
  return [
    `Imported ${draftName}: ${chapters.length} ${chapters.length === 1 ? 'chapter' : 'chapters'} (${chapters.map((chapter) => chapter.name).join(', ')})`,
    `carried over: ${[...parts, `${images} ${images === 1 ? 'picture' : 'pictures'}`].join(', ')}`,
  ].join('\n');
}

const names: Record<string, string> = {
  heading: 'heading',
  paragraph: 'paragraph',
  list: 'list',
  blockquote: 'quotation',
  table: 'table',
  footnoteDefinition: 'note',
  link: 'link',
};

function plural(kind: string): string {
  return kind.endsWith('box') ? `${kind}es` : `${kind}s`;
}
