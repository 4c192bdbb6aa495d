-- communications: with redress.attachments.store=files a file's content is on disk, under
-- the configured directory; the row keeps its key (a path relative to that directory) and
-- no content. Rows written before keep their content, and are read from the database
-- whichever store is configured.
alter table case_attachments add column storage_key text;
alter table case_attachments alter column content drop not null;
