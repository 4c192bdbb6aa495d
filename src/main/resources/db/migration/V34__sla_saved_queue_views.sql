-- sla: a person's saved queue views: a name and the queue's URL parameters (view, filters, order).
create table queue_views (
    id          bigint generated always as identity primary key,
    user_id     bigint not null,
    name        text not null,
    query       text not null,
    created_at  timestamp with time zone not null,
    constraint queue_views_user_name unique (user_id, name)
);
