import { Command } from 'commander';
import { defaultContext } from './src/cli/index.js';
import { register as rc } from './src/cli/codegen.js';
import { register as rr } from './src/cli/refine.js';
const ctx = defaultContext();
const p = new Command('kproof').exitOverride();
rc(p, ctx); rr(p, ctx);
try { await p.parseAsync(process.argv.slice(2), { from: 'user' }); } catch (e) { console.error(String(e)); }
process.exitCode = ctx.code();
