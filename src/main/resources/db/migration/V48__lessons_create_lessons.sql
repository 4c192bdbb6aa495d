-- lessons: what each case taught (the Learn step) and the action that will prevent it
-- happening again, with its owner, due date and status. A lesson without an action has
-- status NO_ACTION; an action is OPEN until its owner marks it DONE or a lead DROPS it.
create table lessons (
    id                  bigint generated always as identity primary key,
    case_id             bigint not null,
    root_cause          text,
    lesson              text not null,
    action              text,
    owner_id            bigint,
    owner_name          text,
    due_on              date,
    status              text not null,
    recorded_at         timestamp with time zone not null,
    recorded_by_name    text not null,
    settled_at          timestamp with time zone,
    settled_by_name     text,
    settled_note        text,
    overdue_alerted_at  timestamp with time zone
);
create index lessons_status_due on lessons (status, due_on);
create index lessons_owner on lessons (owner_id, status);
create index lessons_case on lessons (case_id);

-- The lessons recorded before there was an action to go with them.
insert into lessons (case_id, root_cause, lesson, status, recorded_at, recorded_by_name)
select s.recovery_case, c.root_cause, s.note, 'NO_ACTION', s.done_at, s.done_by_name
  from case_steps s join recovery_cases c on c.id = s.recovery_case
 where s.step = 'LEARN' and s.note is not null;
