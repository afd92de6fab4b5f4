// Draws the policy-paper fixture's four charts as PNGs (sharp rasterises SVG), so the fixture needs no chart tool.
import path from 'node:path';
import sharp from 'sharp';

const out = process.argv[2] ?? 'tests/fixtures/policy-paper/images';
const W = 1600;
const H = 900;
const ink = '#1f2328';
const blue = '#17324d';
const gold = '#a4803f';
const grey = '#9aa5b1';

/** A bar chart: bars are [label, value, colour?]; the axis runs from 0 to max. */
function bars({ title, unit, max, step, data }) {
  const left = 170, right = 90, top = 150, bottom = 150;
  const plotW = W - left - right, plotH = H - top - bottom;
  const bw = plotW / data.length;
  const y = (v) => top + plotH - (v / max) * plotH;
  const grid = [];
  for (let v = 0; v <= max; v += step) grid.push(`<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d0d7de" stroke-width="2"/><text x="${left - 16}" y="${y(v) + 10}" text-anchor="end" font-size="30" fill="${ink}">${v}</text>`);
  const rects = data.map(([label, value, colour], i) => {
    const x = left + i * bw + bw * 0.18;
    return `<rect x="${x}" y="${y(value)}" width="${bw * 0.64}" height="${top + plotH - y(value)}" fill="${colour ?? blue}"/>` +
      `<text x="${x + bw * 0.32}" y="${y(value) - 14}" text-anchor="middle" font-size="28" fill="${ink}">${value}</text>` +
      `<text x="${x + bw * 0.32}" y="${top + plotH + 44}" text-anchor="middle" font-size="30" fill="${ink}">${label}</text>`;
  });
  return frame(title, unit, grid.join('') + rects.join(''));
}

/** A line chart: series are {name, colour, points: [x, y][]}. */
function lines({ title, unit, xs, max, step, series }) {
  const left = 170, right = 90, top = 150, bottom = 150;
  const plotW = W - left - right, plotH = H - top - bottom;
  const x = (i) => left + (i / (xs.length - 1)) * plotW;
  const y = (v) => top + plotH - (v / max) * plotH;
  const parts = [];
  for (let v = 0; v <= max; v += step) parts.push(`<line x1="${left}" x2="${W - right}" y1="${y(v)}" y2="${y(v)}" stroke="#d0d7de" stroke-width="2"/><text x="${left - 16}" y="${y(v) + 10}" text-anchor="end" font-size="30" fill="${ink}">${v}</text>`);
  xs.forEach((label, i) => parts.push(`<text x="${x(i)}" y="${top + plotH + 44}" text-anchor="middle" font-size="30" fill="${ink}">${label}</text>`));
  series.forEach(({ name, colour, values, dash }, s) => {
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="7" ${dash ? 'stroke-dasharray="18 12"' : ''} points="${values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}"/>`);
    parts.push(`<rect x="${left + 20 + s * 430}" y="${H - 62}" width="40" height="14" fill="${colour}"/><text x="${left + 72 + s * 430}" y="${H - 46}" font-size="30" fill="${ink}">${name}</text>`);
  });
  return frame(title, unit, parts.join(''));
}

function frame(title, unit, body) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif">` +
    `<rect width="${W}" height="${H}" fill="#ffffff"/>` +
    `<text x="40" y="62" font-size="40" font-weight="bold" fill="${blue}">${title}</text>` +
    `<text x="40" y="108" font-size="30" fill="${grey}">${unit}</text>${body}</svg>`;
}

const charts = {
  'river-flows.png': bars({
    title: 'Mean annual flow of the six Indus rivers', unit: 'million acre-feet (MAF) a year, 1922–2021',
    max: 100, step: 20,
    data: [['Indus', 93], ['Jhelum', 23], ['Chenab', 26], ['Ravi', 7, gold], ['Beas', 13, gold], ['Sutlej', 14, gold]],
  }),
  'runoff-projection.png': lines({
    title: 'Projected summer runoff of the upper Indus', unit: 'per cent of the 1971–2000 mean, two emission pathways',
    xs: ['2000', '2020', '2040', '2060', '2080', '2100'], max: 140, step: 20,
    series: [
      { name: 'Moderate emissions', colour: blue, values: [100, 104, 108, 110, 106, 101] },
      { name: 'High emissions', colour: gold, values: [100, 106, 114, 112, 98, 84], dash: true },
    ],
  }),
  'water-productivity.png': bars({
    title: 'Crop output per cubic metre of water', unit: 'US dollars of output per m³ of water consumed, latest year',
    max: 2, step: 0.5,
    data: [['Pakistan', 0.45, gold], ['India (Punjab)', 0.62], ['Egypt', 0.9], ['China', 1.1], ['Spain', 1.45], ['Australia', 1.7]],
  }),
  'storage-days.png': bars({
    title: 'Days of river flow the reservoirs can hold', unit: 'live storage as days of mean annual flow',
    max: 1000, step: 200,
    data: [['Pakistan', 30, gold], ['India', 170], ['South Africa', 500], ['Egypt', 700], ['USA (Colorado)', 900]],
  }),
};

for (const [name, svg] of Object.entries(charts)) {
  await sharp(Buffer.from(svg)).png({ palette: true }).toFile(path.join(out, name));
}
