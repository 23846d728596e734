export const CLI_CODES = {
  KSP300: 'file cannot be read',
  KSP301: 'invalid command-line usage',
} as const;
