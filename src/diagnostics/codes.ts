// The registry of diagnostic codes. Codes are stable: once released, a code keeps its meaning.
// Each area owns a range and a file, so the registry grows without edits colliding:
//   KSP001–KSP019 syntax (codes/syntax.ts)      KSP020–KSP039 modules and names (codes/names.ts)
//   KSP040–KSP099 types and levels (codes/types.ts)
//   KSP100–KSP149 proofs and SMT (codes/proof.ts)   KSP150–KSP199 temporal kernel (codes/kernel.ts)
//   KSP200–KSP249 model checking (codes/mc.ts)      KSP250–KSP299 codegen and refinement (codes/refine.ts)
//   KSP300–KSP349 command line and files (codes/cli.ts)
import { SYNTAX_CODES } from './codes/syntax.js';
import { NAME_CODES } from './codes/names.js';
import { TYPE_CODES } from './codes/types.js';
import { PROOF_CODES } from './codes/proof.js';
import { KERNEL_CODES } from './codes/kernel.js';
import { MC_CODES } from './codes/mc.js';
import { CLI_CODES } from './codes/cli.js';
import { REFINE_CODES } from './codes/refine.js';

export const CODES = {
  ...SYNTAX_CODES,
  ...NAME_CODES,
  ...TYPE_CODES,
  ...PROOF_CODES,
  ...KERNEL_CODES,
  ...MC_CODES,
  ...CLI_CODES,
  ...REFINE_CODES,
} as const;

export type DiagnosticCode = keyof typeof CODES;

/** The one-line summary of what a code means (for `--help`, docs and the LSP). */
export function describeCode(code: DiagnosticCode): string {
  return CODES[code];
}
