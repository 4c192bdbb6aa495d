-- notifications: alerts for the people who must act (a target at risk or missed, a promise
-- broken, a follow-up due), read in the console or through the API.
create table staff_alerts (
    id          bigint generated always as identity primary key,
    user_id     bigint not null,
    case_id     bigint,
    kind        text not null,
    text        text not null,
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone
);
create index staff_alerts_user on staff_alerts (user_id, id);
