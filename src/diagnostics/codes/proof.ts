export const PROOF_CODES = {
  KSP100: 'obligation refuted: the solver found a counterexample',
  KSP101: 'obligation not decided: the solver answered unknown or timed out',
  KSP102: 'the justification does not fit the shape of the formula',
  KSP103: 'a fact named in `using` is not proved',
  KSP104: 'the obligation has no sound first-order encoding',
  KSP105: 'temporal reasoning is not available yet',
  KSP106: 'the solver failed on the obligation',
  KSP107: 'circular `using` between theorems',
  KSP108: 'termination of a recursive def is not proved',
  KSP109: 'theorem without a proof',
  KSP110: 'the requested solver is not available',
  KSP111: 'an instance does not satisfy an assumption of its generic module',
} as const;
