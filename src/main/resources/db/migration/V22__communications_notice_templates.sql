-- communications: incident notices and survey invitations fill in the incident's own words
-- and the customer's private link; the default incident notice is rewritten to use them.
update message_templates set body = 'Dear {{customer.name}},

We want you to hear it from us first: {{incident.what}}

What we are doing about it: {{incident.plan}} We expect it to be fixed by {{incident.date}}.

You do not need to do anything. If this has caused you trouble, tell us here and we will put it right: {{customer.link}}

{{agent.name}}', subject = '{{incident.title}}: we are on it'
where purpose = 'INCIDENT_NOTICE' and channel = 'email' and language = 'en' and version = 1;

insert into message_templates (purpose, channel, language, subject, body, updated_at, version) values
('SURVEY_INVITATION', 'email', 'en', 'How did we do?',
 'Dear {{customer.name}},

{{survey.question}}

It takes ten seconds: {{customer.link}}

If something went wrong, tell us there and someone will look at it personally. If you would rather not get these questions, you can say so on the same page.

{{agent.name}}', current_timestamp, 1);
