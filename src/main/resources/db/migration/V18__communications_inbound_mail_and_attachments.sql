-- communications: every email received (by IMAP or webhook), once by its Message-ID, with
-- what became of it; and the files customers attached.
create table inbound_mail (
    id          bigint generated always as identity primary key,
    message_id  text not null,
    sender      text not null,
    subject     text,
    outcome     text not null,
    case_id     bigint,
    reason      text,
    received_at timestamp with time zone not null,
    constraint inbound_mail_message_id unique (message_id)
);

create table case_attachments (
    id           bigint generated always as identity primary key,
    case_id      bigint not null,
    filename     text not null,
    content_type text not null,
    size_bytes   bigint not null,
    content      bytea not null,
    created_at   timestamp with time zone not null
);
create index case_attachments_case on case_attachments (case_id, id);
