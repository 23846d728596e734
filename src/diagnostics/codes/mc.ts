export const MC_CODES = {
  KSP200: 'model not found, or the model cannot be checked as declared',
  KSP201: 'initial condition is not a conjunction of `x == e` / `x in S` the model checker can enumerate',
  KSP202: 'cannot enumerate the values of an infinite type (give a domain)',
  KSP203: 'expression the model checker cannot evaluate',
  KSP204: 'property shape not supported by the model checker',
  KSP205: 'map index outside the domain (`m[k]` with `k` not in `m`)',
  KSP206: 'sequence index out of range',
  KSP207: 'division by zero',
  KSP208: 'a constant has no value, or its value cannot be computed',
  KSP209: 'evaluation too deeply nested (recursion)',
  KSP210: 'an assignment reads a primed variable that is not yet assigned',
  KSP211: "the model's constants violate an `assume`",
} as const;

export type McCode = keyof typeof MC_CODES;
