export const REFINE_CODES = {
  KSP250: 'codegen: the module to generate was not found among the checked modules',
  KSP251: 'codegen: the generated file cannot be formatted (internal error)',
  KSP260: 'refine: the TypeScript file cannot be read or parsed',
  KSP261: 'refine: a TypeScript construct outside the refinement subset',
  KSP262: 'refine: `@refines` names no spec function, or the function does not match its signature',
  KSP263: 'refine: the exec function is not equal to the spec function (counterexample found)',
  KSP264: 'refine: equality not decided (the solver answered unknown or timed out)',
  KSP265: 'refine: no solver could be started',
} as const;
