#!/usr/bin/env node
// Generates the seminar report's placeholder images: speaker portraits and gallery photos as JPEG photographs,
// and the institute emblems as SVG. Each is clearly labelled PLACEHOLDER; swap in the real file under the same name.
// Usage: node scripts/make-placeholders.mjs [manuscript-folder]
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';

const root = path.resolve(process.argv[2] ?? 'manuscript');
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A deterministic pseudo-random sequence, so regenerating gives the same files. */
function random(seed) {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** Film-like grain, so the placeholders compress and print like photographs. */
async function grain(width, height, seed, amount) {
  const next = random(seed);
  const pixels = Buffer.alloc(width * height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 128 + Math.round((next() - 0.5) * amount);
  return sharp(pixels, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

async function photo(file, width, height, svg, seed) {
  const noise = await grain(width, height, seed, 38);
  await sharp(Buffer.from(svg))
    .composite([{ input: noise, blend: 'soft-light' }])
    .jpeg({ quality: 78, mozjpeg: true, chromaSubsampling: '4:2:0' })
    .withMetadata({ density: 300 })
    .toFile(file);
}

const speakers = [
  ['naghmana-hashmi', 'Amb (Retd) Naghmana Hashmi'],
  ['michael-kugelman', 'Mr. Michael Kugelman'],
  ['li-li', 'Dr. Li Li'],
  ['ivan-safranchuk', 'Dr. Ivan Safranchuk'],
  ['oybek-usmanov', 'H.E. Mr. Oybek Usmanov'],
  ['maheen-jaffri', 'Maheen Jaffri'],
  ['syed-abrar-hussain', 'Amb (Retd) Syed Abrar Hussain'],
  ['abdul-latif-nazari', 'Dr Abdul Latif Nazari'],
  ['maria-kazi', 'Ms. Maria Kazi'],
];
const palettes = [
  ['#41556b', '#9aa7b4'],
  ['#5b4a3f', '#b9a28c'],
  ['#3f5b52', '#93b0a4'],
  ['#4b4460', '#a69cc0'],
  ['#5e5240', '#c2b08a'],
];

async function portrait(slug, name, index) {
  const [dark, light] = palettes[index % palettes.length];
  const size = 640;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <defs><radialGradient id="bg" cx="35%" cy="30%" r="90%"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></radialGradient>
    <linearGradient id="body" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2c3440"/><stop offset="1" stop-color="#1b2129"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#bg)"/>
    <ellipse cx="320" cy="610" rx="230" ry="190" fill="url(#body)"/>
    <rect x="292" y="360" width="56" height="70" rx="20" fill="#c9a88e"/>
    <ellipse cx="320" cy="275" rx="98" ry="118" fill="#d7b79c"/>
    <path d="M222 262 Q224 150 320 148 Q418 150 418 262 Q400 200 320 196 Q240 200 222 262Z" fill="#2a211c"/>
    <rect x="0" y="424" width="640" height="104" fill="rgba(0,0,0,0.6)"/>
    <text x="320" y="470" font-family="DejaVu Sans, sans-serif" font-size="36" font-weight="bold" fill="#fff" text-anchor="middle" letter-spacing="5">PLACEHOLDER</text>
    <text x="320" y="508" font-family="DejaVu Sans, sans-serif" font-size="24" fill="#f1e6c8" text-anchor="middle">${escape(name)}</text>
  </svg>`;
  await photo(path.join(root, 'images/speakers', `${slug}.jpg`), size, size, svg, 1000 + index);
}

const scenes = [
  'Inaugural session, main hall',
  'Chief Guest delivering the keynote address',
  'Welcome remarks by President NDU',
  'Session I panel',
  'Session I moderator and speakers',
  'Audience during the interactive session',
  'Session II panel',
  'Speakers joining via Zoom',
  'Roundtable discussion, Sanaullah Hall',
  'Roundtable participants',
  'Presentation of souvenirs',
  'Group photograph of participants',
];

async function galleryPhoto(index, caption) {
  const width = 1500;
  const height = 1000;
  const next = random(77 + index);
  const [dark, light] = palettes[index % palettes.length];
  const people = Array.from({ length: 7 }, (_, i) => {
    const x = 120 + i * 200 + Math.round(next() * 60);
    const h = 300 + Math.round(next() * 120);
    return `<ellipse cx="${x}" cy="${1000 - h / 2}" rx="78" ry="${h / 2}" fill="rgba(20,24,30,0.78)"/><circle cx="${x}" cy="${1000 - h - 48}" r="54" fill="rgba(20,24,30,0.82)"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="wall" x1="0" y1="0" x2="0.3" y2="1"><stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#wall)"/>
    <rect x="420" y="120" width="660" height="300" rx="8" fill="rgba(255,255,255,0.18)" stroke="rgba(255,255,255,0.35)" stroke-width="6"/>
    <rect x="0" y="700" width="1500" height="300" fill="rgba(40,30,24,0.55)"/>
    ${people}
    <rect x="330" y="200" width="840" height="200" rx="10" fill="rgba(0,0,0,0.55)"/>
    <text x="750" y="280" font-family="DejaVu Sans, sans-serif" font-size="56" font-weight="bold" fill="#fff" text-anchor="middle" letter-spacing="6">PLACEHOLDER PHOTO ${index + 1}</text>
    <text x="750" y="350" font-family="DejaVu Sans, sans-serif" font-size="34" fill="#f1e6c8" text-anchor="middle">${escape(caption)}</text>
  </svg>`;
  await photo(path.join(root, 'images/gallery', `gallery-${String(index + 1).padStart(2, '0')}.jpg`), width, height, svg, 500 + index);
}

// An SVG shown through <img> cannot use the page's fonts: the emblem carries its own (Source Sans 3 Bold, latin),
// so it prints the same on every machine.
const require = createRequire(import.meta.url);
const fontFile = path.join(path.dirname(require.resolve('@fontsource/source-sans-3/package.json')), 'files', 'source-sans-3-latin-700-normal.woff2');
const emblemFont = (await readFile(fontFile)).toString('base64');

function emblem(text, ring, colour) {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" width="200" height="200">
  <title>Placeholder emblem: ${escape(text)}</title>
  <style>@font-face{font-family:Emblem;font-weight:700;src:url(data:font/woff2;base64,${emblemFont}) format("woff2")}text{font-family:Emblem;font-weight:700}</style>
  <circle cx="100" cy="100" r="96" fill="none" stroke="${colour}" stroke-width="6"/>
  <circle cx="100" cy="100" r="80" fill="none" stroke="${colour}" stroke-width="1.5"/>
  <defs><path id="ring" d="M100 100 m-88 0 a88 88 0 1 1 176 0 a88 88 0 1 1 -176 0"/></defs>
  <text font-size="11" font-weight="bold" letter-spacing="2.2" fill="${colour}"><textPath href="#ring" startOffset="2%">${escape(ring)}</textPath></text>
  <path d="M100 38 L150 62 L150 104 Q150 146 100 166 Q50 146 50 104 L50 62 Z" fill="none" stroke="${colour}" stroke-width="4"/>
  <text x="100" y="112" font-size="${text.length > 4 ? 24 : 30}" font-weight="bold" fill="${colour}" text-anchor="middle">${escape(text)}</text>
  <text x="100" y="134" font-size="8.5" letter-spacing="1.5" fill="${colour}" text-anchor="middle">PLACEHOLDER</text>
</svg>
`;
}

await mkdir(path.join(root, 'images/speakers'), { recursive: true });
await mkdir(path.join(root, 'images/gallery'), { recursive: true });
await mkdir(path.join(root, 'images/emblems'), { recursive: true });
await Promise.all(speakers.map(([slug, name], index) => portrait(slug, name, index)));
await Promise.all(scenes.map((caption, index) => galleryPhoto(index, caption)));
await writeFile(path.join(root, 'images/emblems/issra-emblem.svg'), emblem('ISSRA', 'INSTITUTE FOR STRATEGIC STUDIES · RESEARCH & ANALYSIS ·', '#ffffff'));
await writeFile(path.join(root, 'images/emblems/ndu-emblem.svg'), emblem('NDU', 'NATIONAL DEFENCE UNIVERSITY · NATIONAL DEFENCE UNIVERSITY ·', '#ffffff'));
console.log(`Placeholder images written under ${path.join(root, 'images')}`);
