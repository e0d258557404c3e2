export * from './roles';
export * from './schemas';
export * from './validators';
export { nl, type MessageKey, translate } from './i18n/nl';
export * from './intake';
export * from './analysis';
export * from './plan';
