export { PersonSummaryTable } from './PersonSummaryTable';
export { formatDate } from './person-format';
