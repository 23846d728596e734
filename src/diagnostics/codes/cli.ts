export const CLI_CODES = {
  KSP300: 'file cannot be read',
  KSP301: 'invalid command-line usage',
  KSP302: 'file cannot be written',
  KSP303: 'the formatter failed on a file that parses (internal error)',
} as const;
