-- insights: the recovery survey's invitations kept by the refresh beside the case facts, each
-- with its case's close, outcome and team, whether it was answered, its score (satisfied,
-- unhappy) and the customer's last ordinary score on the same scale before the case opened,
-- so that satisfaction after recovery reads one table by the close instead of hashing every
-- invitation ever sent and looking up each answer's earlier score on every read. Written
-- again with their case (sending and answering one are on the case's timeline). Filled here
-- for the facts already there, as the refresh would.
create table insight_survey_facts (
    invitation_id bigint primary key,
    case_id       bigint not null,
    kind          text not null,
    answered      boolean not null,
    score         integer,
    satisfied     boolean not null,
    unhappy       boolean not null,
    before_score  integer,
    closed_at     timestamp with time zone,
    outcome       text,
    team_id       bigint
);
create index insight_survey_facts_case on insight_survey_facts (case_id);
insert into insight_survey_facts (invitation_id, case_id, kind, answered, score, satisfied, unhappy, before_score, closed_at,
    outcome, team_id)
select i.id, i.case_id, s.kind, case when i.answered_at is not null then true else false end, i.score,
       case when (s.kind = 'CSAT' and i.score >= 4) or (s.kind = 'NPS' and i.score >= 9) then true else false end,
       case when (s.kind = 'CSAT' and i.score <= 2) or (s.kind = 'NPS' and i.score <= 6) then true else false end,
       case when i.score is not null then (select b.score from survey_invitations b join surveys bs on bs.id = b.survey_id
         where b.customer_id = i.customer_id and bs.purpose = 'AFTER_EVENTS' and bs.kind = s.kind
           and b.score is not null and b.answered_at < f.opened_at
         order by b.answered_at desc fetch first 1 row only) end,
       f.closed_at, f.outcome, f.team_id
from survey_invitations i join surveys s on s.id = i.survey_id join insight_case_facts f on f.case_id = i.case_id
where s.purpose = 'RECOVERY';
