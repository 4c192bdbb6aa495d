-- PostgreSQL only. V79 kept the trigram indexes' pending lists at 128 kB, so that a search
-- never read more than 16 pages of new entries; but then the inserts merged the list every 170
-- customers or so, in small batches that cost much more per entry as the table grows: with
-- 200,000 to 400,000 customers, the customer's statement in intake took 2.2-3.0 ms against
-- 0.6-1.0 ms with the default 4 MB list, and the intake transaction replayed in pgbench made
-- 720-960 tps against 910-1,170. The lists are back to PostgreSQL's default, and the
-- application merges them every few seconds (customers.SearchIndexMerge), which keeps them as
-- short as V79 meant to for every search while the merges are batches of thousands.
do $$
declare
    trigram_index text;
begin
    foreach trigram_index in array array['customers_name_trgm', 'customers_email_trgm', 'customers_ref_trgm'] loop
        -- Absent where pg_trgm could not be installed (V42): search scans there.
        if to_regclass(trigram_index) is not null then
            execute format('alter index %I reset (gin_pending_list_limit)', trigram_index);
        end if;
    end loop;
end $$;
