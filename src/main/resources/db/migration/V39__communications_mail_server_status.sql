-- Whether the mail server is taking our email, one row for every node: an outage starts at
-- the first attempt it did not answer and ends at the first message it takes.
create table mail_server_status (
    id            integer primary key,
    failing_since timestamp with time zone,
    last_error    varchar(500),
    last_sent_at  timestamp with time zone
);
insert into mail_server_status (id) values (1);
