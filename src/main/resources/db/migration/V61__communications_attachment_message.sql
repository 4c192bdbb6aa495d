-- communications: a customer's file belongs to the message it came with, so the case page
-- shows it there. Files kept before this were written with their message, in the same
-- transaction and after it: the case's latest message from the customer by then is theirs.
alter table case_attachments add column message_id bigint;

update case_attachments set message_id = (
    select max(m.id) from case_messages m
    where m.case_id = case_attachments.case_id and m.direction = 'INBOUND' and m.received_at <= case_attachments.created_at);
