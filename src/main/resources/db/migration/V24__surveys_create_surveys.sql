-- surveys: CSAT / NPS / free-text surveys sent after business events (sampled, with a
-- quiet period per customer) or after a recovery; each invitation is a private link, and
-- a low score or a clearly negative comment opens a recovery case.
create table surveys (
    id               bigint generated always as identity primary key,
    name             text not null,
    kind             text not null,
    question         text not null,
    comment_prompt   text,
    purpose          text not null,
    trigger_events   text not null,
    sample_percent   int not null,
    quiet_days       int not null,
    case_threshold   int,
    category         text not null,
    language         text not null,
    active           boolean not null,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint surveys_name unique (name)
);

create table survey_invitations (
    id              bigint generated always as identity primary key,
    survey_id       bigint not null references surveys (id),
    customer_id     bigint not null,
    case_id         bigint,
    trigger_key     text not null,
    token_hash      text not null,
    sent_to         text not null,
    sent_at         timestamp with time zone not null,
    expires_at      timestamp with time zone not null,
    answered_at     timestamp with time zone,
    score           int,
    comment         text,
    negative        boolean,
    opened_case_id  bigint,
    constraint survey_invitations_trigger unique (survey_id, trigger_key),
    constraint survey_invitations_token unique (token_hash)
);
create index survey_invitations_customer on survey_invitations (customer_id, sent_at);
create index survey_invitations_survey on survey_invitations (survey_id, id);
create index survey_invitations_case on survey_invitations (case_id);

-- One row per customer ever invited: locked while deciding, so two nodes never both
-- invite one customer inside the quiet period; and whether they asked for no more surveys.
create table survey_contacts (
    customer_id      bigint primary key,
    last_invited_at  timestamp with time zone not null,
    opted_out_at     timestamp with time zone
);

-- Two examples to start from, switched off: a survey after deliveries and visits, and the
-- recovery survey.
insert into surveys (name, kind, question, comment_prompt, purpose, trigger_events, sample_percent, quiet_days,
                     case_threshold, category, language, active, created_at, updated_at) values
('After delivery (example)', 'CSAT', 'How satisfied are you with your delivery?', 'Anything you would like to tell us?',
 'AFTER_EVENTS', 'DELIVERED,SERVICE_VISIT', 25, 30, 2, 'delivery', 'en', false, current_timestamp, current_timestamp),
('How we put it right (example)', 'CSAT', 'How well did we put things right for you?', 'Is anything still not right?',
 'RECOVERY', '', 100, 0, 2, 'other', 'en', false, current_timestamp, current_timestamp);
