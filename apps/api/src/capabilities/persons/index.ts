export { registerPersonRoutes } from './persons.routes';
export { fullName } from './persons.domain';
export { toSummary } from './persons.views';
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
