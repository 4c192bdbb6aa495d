-- insights: the weekly digest. Which week's digest each person was sent, one row per person and
-- week (the seven days' first day), written in the transaction that queues the email, so a
-- restart or a second node never sends a week twice; the email's Message-ID in the outbox.
create table insight_digests (
    user_id     bigint not null,
    week_from   date not null,
    queued_at   timestamp with time zone not null,
    message_id  text,
    primary key (user_id, week_from)
);
create index insight_digests_week on insight_digests (week_from);

-- Who switched the digest off (on by default): one row each.
create table insight_digest_opt_outs (
    user_id  bigint primary key,
    since    timestamp with time zone not null
);
