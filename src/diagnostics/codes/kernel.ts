export const KERNEL_CODES = {} as const;
