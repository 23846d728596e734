import { refine } from './src/refine/index.js';
try { const r = await refine(process.argv[2]!, [process.argv[3]!], { cache: false }); console.log(JSON.stringify(r.reports.map(x=>[x.function,x.status,x.counterexample]), (k,v)=> typeof v==='bigint'? String(v):v, 1)); console.log(r.diagnostics.map(d=>d.message)); } catch (e) { console.log((e as Error).stack); }
