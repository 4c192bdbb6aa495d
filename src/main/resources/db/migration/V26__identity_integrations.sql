-- identity: integrations (role INTEGRATION) sign in only with tokens an admin issues, so they have no password.
alter table users alter column password_hash drop not null;
