-- insights: whether the customer confirmed the recovery (a positive answer to the recovery
-- survey: 4-5 of 5, 9-10 of 10, or words not found negative), kept with the facts by the
-- refresh (an answer is recorded on the case's timeline, so the case is read again), so that
-- wins and the cases behind them test a column instead of every answer ever given. Counted
-- here for the facts already there.
alter table insight_case_facts add column confirmed boolean not null default false;
update insight_case_facts f set confirmed = true
 where exists (select 1 from survey_invitations i join surveys s on s.id = i.survey_id
               where i.case_id = f.case_id and s.purpose = 'RECOVERY' and i.answered_at is not null
                 and ((s.kind = 'CSAT' and i.score >= 4) or (s.kind = 'NPS' and i.score >= 9)
                      or (s.kind = 'TEXT' and i.negative = false)));
