-- communications: files an agent attaches to a reply are kept like the customer's, with the
-- outbox row that carries them, so the sender attaches them to the mail (and to a resend).
alter table case_attachments add column outbox_id bigint;
create index case_attachments_outbox on case_attachments (outbox_id);
