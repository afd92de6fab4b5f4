import { cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';

/**
 * A copy of the seminar report whose photos are camera originals (4000×3000 JPEGs, as a phone or camera makes
 * them), generated here rather than committed.
 * @param manuscript the seminar report's folder
 * @param into where to put the copy
 */
export async function withCameraPhotos(manuscript: string, into: string): Promise<string> {
  await cp(manuscript, into, { recursive: true });
  const photos = [
    ...(await readdir(path.join(into, 'images', 'speakers'))).map((name) => path.join(into, 'images', 'speakers', name)),
    ...(await readdir(path.join(into, 'images', 'gallery'))).map((name) => path.join(into, 'images', 'gallery', name)),
  ];
  await Promise.all(
    photos.map(async (file, index) => {
      const tile = Buffer.alloc(128 * 128 * 3);
      for (let i = 0; i < tile.length; i += 1) tile[i] = (i * 2654435761 + index * 97) >>> 24;
      const grain = await sharp(tile, { raw: { width: 128, height: 128, channels: 3 } }).png().toBuffer();
      await sharp(await sharp(file).resize(4000, 3000, { fit: 'cover' }).toBuffer())
        .composite([{ input: grain, tile: true, blend: 'soft-light' }])
        .jpeg({ quality: 90 })
        .toFile(`${file}.tmp`);
      await cp(`${file}.tmp`, file);
      await (await import('node:fs/promises')).rm(`${file}.tmp`);
    }),
  );
  return into;
}

/**
 * A report `times` as long as the seminar report: its chapters repeated, each copy with its own titles.
 * @param manuscript the seminar report's folder
 * @param into where to write it
 * @param times how many copies of the chapters
 */
export async function largeReport(manuscript: string, into: string, times: number): Promise<string> {
  await mkdir(into, { recursive: true });
  await cp(path.join(manuscript, 'images'), path.join(into, 'images'), { recursive: true });
  await writeFile(path.join(into, 'report.yaml'), (await readFile(path.join(manuscript, 'report.yaml'), 'utf8')).replace(/^title: (.*)$/m, `title: $1 (${times}×)`));
  const chapters = (await readdir(manuscript)).filter((name) => name.endsWith('.md')).sort();
  for (let copy = 1; copy <= times; copy += 1) {
    for (const name of chapters) {
      const text = await readFile(path.join(manuscript, name), 'utf8');
      // Distinct titles keep the contents and the duplicate-title check honest.
      const renamed = text.replace(/^(#{1,2}) (.+)$/gm, (_, marks: string, title: string) => `${marks} ${title} (part ${copy})`);
      await writeFile(path.join(into, `${String(copy).padStart(3, '0')}-${name}`), renamed);
    }
  }
  return into;
}

/**
 * The policy paper `times` as long: its chapters (footnotes, citations, figures, tables) repeated, each copy with
 * its own titles and its own figure, table and section labels, the bibliography once at the end.
 * @param paper the policy paper's folder (tests/fixtures/policy-paper)
 * @param into where to write it
 * @param times how many copies of the chapters
 */
export async function longPolicyPaper(paper: string, into: string, times: number): Promise<string> {
  await mkdir(into, { recursive: true });
  await cp(path.join(paper, 'images'), path.join(into, 'images'), { recursive: true });
  await cp(path.join(paper, 'references.bib'), path.join(into, 'references.bib'));
  await writeFile(path.join(into, 'report.yaml'), (await readFile(path.join(paper, 'report.yaml'), 'utf8')).replace(/^title: "?(.*?)"?$/m, `title: "$1 (${times}×)"`));
  const names = (await readdir(paper)).filter((name) => name.endsWith('.md')).sort();
  // The chapter that prints the bibliography closes the report once.
  const closing: string[] = [];
  for (const name of names) if (/^:::\s*bibliography/m.test(await readFile(path.join(paper, name), 'utf8'))) closing.push(name);
  for (let copy = 1; copy <= times; copy += 1) {
    for (const name of names.filter((name) => !closing.includes(name))) {
      const text = await readFile(path.join(paper, name), 'utf8');
      const renamed = text
        // Distinct titles and labels keep the contents, the cross-references and the duplicate checks honest.
        .replace(/^(#{1,2}) (.+?)( \{[^}]*\})?$/gm, (_, marks: string, title: string, attributes = '') => `${marks} ${title} (part ${copy})${attributes}`)
        .replace(/([{@]#?(?:page-)?)((?:fig|tbl|sec)-[\w-]*\w)/g, (_, lead: string, label: string) => `${lead}${label}-p${copy}`);
      await writeFile(path.join(into, `${String(copy).padStart(3, '0')}-${name}`), renamed);
    }
  }
  for (const name of closing) await cp(path.join(paper, name), path.join(into, `999-${name}`));
  return into;
}
