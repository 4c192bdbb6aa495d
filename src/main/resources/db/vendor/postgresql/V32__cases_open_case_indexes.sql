-- PostgreSQL only: a few per cent of the cases are open, and every queue, tab counter and
-- "take next" reads only those. Partial indexes keep these reads proportional to the open
-- cases however many closed ones accumulate (at 1,000,000 cases a scan of all cases for
-- status <> 'CLOSED' took most of a second).
create index recovery_cases_open_assignee on recovery_cases (assignee_id) where status <> 'CLOSED';
create index recovery_cases_open_team on recovery_cases (team_id, assignee_id) where status <> 'CLOSED';
create index recovery_cases_open_urgency on recovery_cases (severity, opened_at, id) where status <> 'CLOSED';
create index recovery_cases_recently_closed on recovery_cases (closed_at desc, id desc) where status = 'CLOSED';
