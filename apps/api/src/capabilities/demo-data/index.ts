export { seedDemo, isEmpty, DEMO_USERS, DEMO_PASSWORD, testBsns } from './seed-demo';
