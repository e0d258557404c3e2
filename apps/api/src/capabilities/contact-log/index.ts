export { registerContactLogRoutes } from './contact-log.routes';
export { currentGoals, logContact, viewContactLog } from './contact-log';
export { contactsForResident } from './contacts-for-resident';
