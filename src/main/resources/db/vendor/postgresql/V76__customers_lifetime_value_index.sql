-- PostgreSQL only: goodwill against lifetime value reads the customers whose lifetime value is
-- known. Where few are (no system sends it), the planner starts from them, and without this
-- index that start was a scan of every customer (120 ms at 200,000 customers, none known),
-- on every goodwill read; with it, a look at an index of the few.
create index customers_lifetime_value on customers (id) include (lifetime_value, currency) where lifetime_value > 0;
