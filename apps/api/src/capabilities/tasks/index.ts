export { registerTaskRoutes } from './tasks.routes';
export { generateReminders, REMINDER_RULES } from './generate-reminders';
export { openTasksOfCase } from './manage-tasks';
export { sendTaskDigests } from './task-digest';
