-- customers: recognised by an external reference (the business's own id) and/or email.
create table customers (
    id              bigint generated always as identity primary key,
    external_ref    text unique,
    email           text unique,
    name            text,
    phone           text,
    tier            text not null default 'standard',
    lifetime_value  numeric(14, 2),
    currency        text,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         integer not null default 0
);
