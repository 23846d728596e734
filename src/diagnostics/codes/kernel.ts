export const KERNEL_CODES = {
  KSP150: 'temporal step not decided: its propositional tableau exceeds the size budget',
  KSP151: 'temporal step not decided: the propositional decision procedure ran out of time',
  KSP152: 'internal error in the propositional temporal decision procedure (the step is not proved)',
} as const;
