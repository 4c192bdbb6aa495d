-- PostgreSQL only: satisfaction after recovery reads a period's recovery invitations from the index alone.
create index insight_survey_facts_closed on insight_survey_facts (closed_at)
    include (kind, outcome, team_id, answered, score, satisfied, unhappy, before_score);
