-- promises: every commitment made to a customer, with its due time, owner and outcome.
create table promises (
    id             bigint generated always as identity primary key,
    case_id        bigint not null,
    description    text not null,
    source         text not null,
    due_at         timestamp with time zone not null,
    owner_id       bigint,
    owner_name     text not null,
    status         text not null,
    made_at        timestamp with time zone not null,
    made_by_name   text not null,
    settled_at     timestamp with time zone,
    note           text,
    version        integer not null default 0
);
create index promises_case on promises (case_id);
create index promises_status_due on promises (status, due_at);
create index promises_owner on promises (owner_id, status);
