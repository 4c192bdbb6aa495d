-- PostgreSQL only. A GIN index keeps new entries in a pending list, up to 4 MB by default,
-- and every search reads that whole list before the index itself. Intake inserts a customer
-- for most complaints, so the trigram indexes of customer search (V42) fill it between
-- vacuums: measured at 200,000 customers, 20,000 new ones took a search for "lopez" from
-- 0.3 ms to 83-112 ms. A list of 128 kB keeps that read small (0.4-0.6 ms), while the
-- inserts still go through the list in batches: 43 microseconds a customer against 30 with
-- 4 MB and 165 with no list at all (fastupdate off), bulk inserts of 20,000 in psql.
do $$
declare
    trigram_index text;
begin
    foreach trigram_index in array array['customers_name_trgm', 'customers_email_trgm', 'customers_ref_trgm'] loop
        -- Absent where pg_trgm could not be installed (V42): search scans there.
        if to_regclass(trigram_index) is not null then
            execute format('alter index %I set (gin_pending_list_limit = 128)', trigram_index);
            perform gin_clean_pending_list(to_regclass(trigram_index));
        end if;
    end loop;
end $$;
