export const MC_CODES = {} as const;
