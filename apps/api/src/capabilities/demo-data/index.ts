export { seedDemo, isEmpty, DEMO_USERS, DEMO_PASSWORD, testBsns } from './seed-demo';
export {
  generateSynthetic,
  checksumDatabase,
  DEFAULT_SEED,
  SIZES,
  SIZE_NAMES,
  SYNTHETIC_PASSWORD,
  type SizeName,
  type GenerateResult,
} from './synthetic';
