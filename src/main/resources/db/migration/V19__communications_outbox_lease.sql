-- communications: a message being sent is claimed (SENDING) until its lease ends, so it is
-- sent outside any transaction; a node that dies mid-send leaves it to be sent again.
alter table outbox add column lease_until timestamp with time zone;
