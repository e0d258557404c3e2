export { generateSynthetic, DEFAULT_SEED, type GenerateOptions, type GenerateResult } from './generate';
export { checksumDatabase } from './checksum';
export { SIZES, SIZE_NAMES, SYNTHETIC_PASSWORD, SYNTHETIC_BSN_FIRST, SYNTHETIC_BSN_LAST, type SizeName } from './sizes';
