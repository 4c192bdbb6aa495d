-- links: until now a case's link was derived from its latest offer (remedies.offered_at).
-- Remember those moments once, so that every message and the console keep naming the link
-- the customer already has. Read once from the remedies table, by its documented columns;
-- from here on, remedies asks this module to issue a link with each offer.
insert into case_links (case_id, issued_at)
select case_id, max(offered_at) from remedies where offered_at is not null group by case_id;
