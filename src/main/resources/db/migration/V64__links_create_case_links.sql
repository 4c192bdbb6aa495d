-- links: per case, the moment its latest customer link was issued (an offer issues one). The
-- link itself is not stored: the case id and this moment give it back, signed with the key
-- in signing_keys (made by the remedies migration V14; the links module owns it now).
create table case_links (
    case_id    bigint primary key,
    issued_at  timestamp with time zone not null
);
