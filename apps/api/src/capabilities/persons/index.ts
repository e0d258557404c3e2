export { registerPersonRoutes } from './persons.routes';
export { setFoundCasesSource, casesOfFoundPersons, type FoundCasesSource } from './found-cases-source';
export { toSearchResult } from './search-persons';
export { fullName } from './persons.domain';
export { toSummary, toPersonView } from './persons.views';
export { canMergePersons, canUndoMerge } from './persons.policy';
export { mergedInto } from './merge.store';
export { findLikelyDuplicates } from './persons.store';
export { findRegiecheckMatches, searchPersons, type MatchedRow } from './person-matching';
export { swapDayAndMonth } from './name-matching';
export {
  languageOfPersons,
  languageOfPersonGroups,
  carryLanguageToPerson,
  setHouseholdLanguage,
} from './household-language';
export {
  findHouseholdsOfPerson,
  insertPerson,
  insertHousehold,
  insertHouseholdMember,
  existingPersonIds,
  findHouseholds,
  findPerson,
  updatePerson,
  type PersonFields,
} from './persons.store';
