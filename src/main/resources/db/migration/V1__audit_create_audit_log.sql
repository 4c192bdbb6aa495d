-- audit: every change, who made it and when. Append-only.
create table audit_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamp with time zone not null,
    actor_id     bigint,
    actor_name   text not null,
    action       text not null,
    subject      text not null,
    details      text
);
create index audit_log_subject on audit_log (subject);
