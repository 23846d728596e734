export const PROOF_CODES = {} as const;
