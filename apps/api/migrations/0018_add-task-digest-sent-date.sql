-- The day the task digest was last sent to a user: a retried or concurrent digest job sends once per day.
ALTER TABLE app_user ADD COLUMN task_digest_sent_on date;
