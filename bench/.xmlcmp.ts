import { readFileSync } from 'node:fs';
import { Parser } from 'htmlparser2';
import { SaxesParser } from 'saxes';
import { readZip, entryData } from '../functions/adapters/xlsx/zip-container.ts';
const zip = readZip(readFileSync(process.argv[2]!));
const big = zip.entries.reduce((a, b) => (b.size > a.size ? b : a));
const xml = entryData(zip, big).toString('utf8');
console.log(big.name, (xml.length / 1e6).toFixed(1), 'M chars');
for (let round = 0; round < 2; round++) {
  let t = performance.now(); let n = 0;
  const p = new Parser({ onopentag: () => { n++; }, ontext: () => {} }, { xmlMode: true });
  p.end(xml); console.log('htmlparser2', (performance.now() - t).toFixed(0), 'ms', n);
  t = performance.now(); n = 0;
  const s = new SaxesParser(); s.on('opentag', () => { n++; }); s.on('text', () => {});
  s.write(xml).close(); console.log('saxes', (performance.now() - t).toFixed(0), 'ms', n);
}
