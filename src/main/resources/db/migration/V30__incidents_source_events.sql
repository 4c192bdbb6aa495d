-- Customers put on an incident by a rule over business events are recorded as coming from
-- "events" (beside "list" and "CSV"), the source a person reads, not the mechanism.
update incident_customers set added_how = 'events' where added_how = 'rule';
