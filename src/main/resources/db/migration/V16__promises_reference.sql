-- promises: what a promise comes from, when it is a record of another module (e.g. remedy:12),
-- so that delivering that thing keeps exactly that promise.
alter table promises add column reference text;
create index promises_reference on promises (reference);
