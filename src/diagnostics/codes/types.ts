export const TYPE_CODES = {
  KSP040: 'type mismatch',
} as const;
