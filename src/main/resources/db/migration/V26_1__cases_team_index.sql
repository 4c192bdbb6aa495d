-- cases: who may open a case depends on its team (the team's queue, and the scope every list of an
-- agent, lead or manager is filtered by: their team, the shared inbox with no team, or assigned to them).
create index recovery_cases_team_status on recovery_cases (team_id, status);
