export const NAME_CODES = {
  KSP020: 'unknown name',
  KSP021: 'duplicate declaration',
  KSP022: 'module not found',
  KSP023: 'module name does not match its file path',
} as const;
