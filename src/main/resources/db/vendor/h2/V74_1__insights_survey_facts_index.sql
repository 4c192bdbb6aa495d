-- The default database (H2) has no covering indexes: the recovery invitations by their case's close.
create index insight_survey_facts_closed on insight_survey_facts (closed_at);
