-- communications: which case a conversation on a channel belongs to (a chat in the widget,
-- a customer's direct messages on a network), so their next message joins it; and each
-- message a channel received, so one delivered twice is taken once. Keys are SHA-256 hex
-- of the channel's own (a chat's secret, a network handle): neither a secret nor personal data.
create table channel_conversations (
    channel      text not null,
    conversation text not null,
    case_id      bigint not null,
    started_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    constraint channel_conversations_key primary key (channel, conversation)
);
create index channel_conversations_case on channel_conversations (case_id);

create table channel_messages (
    channel     text not null,
    message_key text not null,
    case_id     bigint,
    received_at timestamp with time zone not null,
    constraint channel_messages_key primary key (channel, message_key)
);
