-- Insights: whether a lesson's action worked counts the cases with its root cause opened in the
-- days around the action, per action shown.
create index insight_case_facts_cause_opened on insight_case_facts (root_cause, opened_at);
