-- What a worker is good at (e.g. schulden, opvoeding, GGZ), shown in the assignment meeting.
ALTER TABLE app_user ADD COLUMN expertise text[] NOT NULL DEFAULT '{}';
