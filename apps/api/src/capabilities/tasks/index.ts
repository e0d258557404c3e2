export { registerTaskRoutes } from './tasks.routes';
export { generateReminders, REMINDER_RULES } from './generate-reminders';
export { sendTaskDigests } from './task-digest';
