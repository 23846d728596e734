import { readFileSync, writeFileSync } from 'node:fs';
import { refine } from './src/refine/index.js';
let t = readFileSync('test/refine/fixtures/refine/supported.ts','utf8').replace('if (x <= 0n) return false;','if (x < 0n) return false;');
writeFileSync('/tmp/mut/s.ts', t);
const r = await refine('/tmp/mut/s.ts', ['test/refine/fixtures/refine/shapes.kspec'], { cache: false, emitTest: '/tmp/mut/s.test.ts' });
console.log(readFileSync('/tmp/mut/s.test.ts','utf8'));
