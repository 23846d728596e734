import { benchRefine } from './bench/refine.js';
for (const l of await benchRefine()) console.log(l);
