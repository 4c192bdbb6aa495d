-- identity: teams, users with one role each, and API tokens (stored as SHA-256 hashes).
create table teams (
    id          bigint generated always as identity primary key,
    name        text not null unique,
    created_at  timestamp with time zone not null default current_timestamp
);

create table users (
    id             bigint generated always as identity primary key,
    email          text not null unique,
    name           text not null,
    password_hash  text not null,
    role           text not null,
    team_id        bigint references teams (id),
    active         boolean not null default true,
    created_at     timestamp with time zone not null default current_timestamp,
    version        integer not null default 0
);

create table api_tokens (
    id            bigint generated always as identity primary key,
    user_id       bigint not null references users (id),
    name          text not null,
    token_hash    text not null unique,
    token_prefix  text not null,
    created_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone,
    revoked_at    timestamp with time zone
);
create index api_tokens_user on api_tokens (user_id);
