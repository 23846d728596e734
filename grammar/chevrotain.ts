// Chevrotain's run-time values, from the single-file build the package ships (lib/chevrotain.mjs).
// The package's entry point (lib/src/api.js) loads lodash-es as hundreds of small modules, which
// cost a few hundred milliseconds on every start of `kproof`; the bundle is the same release in
// one file. Every value import of Chevrotain goes through this module, so the token types, the
// EOF token and the parser class all come from one copy (types may still name 'chevrotain').
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Chevrotain = typeof import('chevrotain');

const entry = createRequire(import.meta.url).resolve('chevrotain');
const bundle = pathToFileURL(join(dirname(entry), '..', 'chevrotain.mjs')).href;
const chevrotain = (await import(bundle)) as Chevrotain;

export const { CstParser, EOF, Lexer, createToken, createTokenInstance, createSyntaxDiagramsCode, generateCstDts } = chevrotain;
