import { checkFiles } from './src/check/index.js';
import { generateTypeScript, rootModule } from './src/codegen/index.js';
const f = process.argv[2]!;
const r = checkFiles([f]);
if (!r.program) { console.log(r.diagnostics); process.exit(1); }
const g = await generateTypeScript(r.program, rootModule(r.program)!, { sourceFile: f, version: '0.1.0' });
console.log(g.ok ? g.code : JSON.stringify(g.diagnostics));
