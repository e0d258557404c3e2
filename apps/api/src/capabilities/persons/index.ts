export { registerPersonRoutes } from './persons.routes';
export { fullName } from './persons.domain';
export { toSummary, toPersonView } from './persons.views';
export { canMergePersons, canUndoMerge } from './persons.policy';
export { mergedInto } from './merge.store';
export { findLikelyDuplicates } from './persons.store';
export {
  findRegiecheckMatches,
  findHouseholdsOfPerson,
  insertPerson,
  insertHousehold,
  insertHouseholdMember,
  existingPersonIds,
  findHouseholds,
  searchPersons,
  findPerson,
  updatePerson,
  type PersonFields,
} from './persons.store';
