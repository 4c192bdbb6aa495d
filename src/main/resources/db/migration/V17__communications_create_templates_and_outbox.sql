-- communications: message templates per playbook step, channel and language, with
-- {{variables}}; and the outbox of messages to customers, written in the transaction
-- that decides to send them and sent afterwards, once.
create table message_templates (
    id          bigint generated always as identity primary key,
    purpose     text not null,
    channel     text not null,
    language    text not null,
    subject     text,
    body        text not null,
    updated_at  timestamp with time zone not null,
    version     int not null,
    constraint message_templates_key unique (purpose, channel, language)
);
insert into message_templates (purpose, channel, language, subject, body, updated_at, version) values
('ACKNOWLEDGEMENT', 'email', 'en', 'We have your message ({{case.number}})',
 'Dear {{customer.name}},

Thank you for telling us what happened. I am {{agent.name}} and I am looking into it myself; your case number is {{case.number}}.

I will come back to you as soon as I know more.

{{agent.name}}', current_timestamp, 1),
('APOLOGY', 'email', 'en', 'We are sorry ({{case.number}})',
 'Dear {{customer.name}},

I am sorry. This should not have happened, and it was our job to get it right.

I am working on putting it right and will tell you exactly what we will do.

{{agent.name}}', current_timestamp, 1),
('EXPLANATION', 'email', 'en', 'What happened ({{case.number}})',
 'Dear {{customer.name}},

Here is what happened, as far as we know: [explain in plain words].

What we are changing so that it does not happen again: [the change].

{{agent.name}}', current_timestamp, 1),
('OFFER', 'email', 'en', 'Our proposal to put this right ({{case.number}})',
 'Dear {{customer.name}},

To put this right we would like to offer: {{remedy}}.

You can accept it, or tell us what would work better for you, here: {{customer.link}}

{{agent.name}}', current_timestamp, 1),
('CONFIRMATION', 'email', 'en', 'What we agreed ({{case.number}})',
 'Dear {{customer.name}},

Thank you. To confirm what we agreed: {{remedy}}. We will deliver it by {{promise.date}}.

If anything is not as agreed, reply to this message and I will sort it out.

{{agent.name}}', current_timestamp, 1),
('STATUS_UPDATE', 'email', 'en', 'An update on your case ({{case.number}})',
 'Dear {{customer.name}},

A quick update on your case: [what has happened since we last wrote, and what happens next, by when].

{{agent.name}}', current_timestamp, 1),
('FOLLOW_UP', 'email', 'en', 'Is everything right now? ({{case.number}})',
 'Dear {{customer.name}},

We have done what we agreed. I wanted to check with you: is everything right now?

Just reply to this message either way; if something is still not right, I will pick it up.

{{agent.name}}', current_timestamp, 1),
('INCIDENT_NOTICE', 'email', 'en', 'Something went wrong, and we are on it',
 'Dear {{customer.name}},

We want you to hear it from us first: [what happened and how it affects you].

Here is what we are doing about it, and by when: [the plan]. You do not need to do anything; if you have questions, reply to this message.

{{agent.name}}', current_timestamp, 1),
('ACKNOWLEDGEMENT', 'social', 'en', null,
 'Hi {{customer.name}}, we are sorry to read this. We would like to help: please send us a direct message with your order number and we will look into it right away. ({{case.number}})', current_timestamp, 1);

create table outbox (
    id              bigint generated always as identity primary key,
    case_id         bigint,
    channel         text not null,
    recipient       text not null,
    subject         text,
    body_text       text not null,
    body_html       text,
    message_id      text not null,
    in_reply_to     text,
    state           text not null,
    attempts        int default 0 not null,
    next_attempt_at timestamp with time zone not null,
    last_error      text,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    created_by      text not null,
    constraint outbox_message_id unique (message_id)
);
create index outbox_due on outbox (state, next_attempt_at);
create index outbox_case on outbox (case_id, id);
