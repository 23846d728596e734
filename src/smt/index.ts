// The typed IR encoded as SMT-LIB 2.6 text (one obligation at a time), and the symbols it uses,
// so that models can be read back into kspec values.
export { SmtEncoder, SOLVER_OPTIONS } from './encoder.js';
export { Unencodable, type Env, type Polarity } from './env.js';
export { SortRegistry, type OptionSymbols } from './sorts.js';
export { SYM, escapeName, quoted, stringLiteral, stringOfConstant, intLiteral } from './names.js';
