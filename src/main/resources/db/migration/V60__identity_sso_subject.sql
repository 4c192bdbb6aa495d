-- Who a person is at the company's identity provider (issuer and subject), once they have
-- signed in through it: the link that survives a change of email there.
alter table users add column sso_subject text;
create unique index users_sso_subject on users (sso_subject);
