-- training: quality reviews of real cases on a versioned scorecard, and calibration sessions
-- in which several reviewers score the same case. A review keeps the scorecard version it was
-- scored on; publishing a new version changes only the reviews made after it.
create table quality_scorecards (
    version       integer primary key,
    published_at  timestamp with time zone not null,
    published_by  text
);
create table quality_scorecard_items (
    scorecard_version  integer not null references quality_scorecards (version),
    position           integer not null,
    code               text not null,
    label              text not null,
    guidance           text not null,
    weight             integer not null,
    primary key (scorecard_version, code)
);
insert into quality_scorecards (version, published_at) values (1, current_timestamp);
insert into quality_scorecard_items (scorecard_version, position, code, label, guidance, weight) values
 (1, 1, 'ACKNOWLEDGED_IN_TIME', 'Acknowledged in time', 'The first answer reached the customer within its time target, and said what happens next.', 2),
 (1, 2, 'LISTENED', 'Listened', 'The customer''s account was heard in full and recorded, with the questions that clarified it.', 1),
 (1, 3, 'APOLOGIZED', 'Apologized sincerely', 'A plain apology, without "but", blame on the customer or talk of policy.', 2),
 (1, 4, 'OWNED_OUR_PART', 'Owned our part', 'Where we were at fault, we said so.', 1),
 (1, 5, 'EXPLAINED', 'Explained without excuses', 'What went wrong, honestly, without shifting it onto others.', 1),
 (1, 6, 'FAIR_REMEDY', 'Offered a fair remedy', 'The remedy matched what the customer lost and went through, within authority or approved.', 2),
 (1, 7, 'DATE_KEPT', 'Gave a date and kept it', 'The customer was told by when, and it happened by then.', 2),
 (1, 8, 'FOLLOWED_UP', 'Followed up', 'After delivery, the customer was asked whether it put things right.', 1);

create table quality_calibrations (
    id                 bigint generated always as identity primary key,
    case_id            bigint not null,
    scorecard_version  integer not null references quality_scorecards (version),
    opened_at          timestamp with time zone not null,
    opened_by_id       bigint not null,
    opened_by_name     text not null,
    note               text
);

create table quality_reviews (
    id                 bigint generated always as identity primary key,
    case_id            bigint not null,
    agent_id           bigint not null,
    agent_name         text not null,
    reviewer_id        bigint not null,
    reviewer_name      text not null,
    scorecard_version  integer not null references quality_scorecards (version),
    calibration_id     bigint references quality_calibrations (id),
    score              numeric(4, 1),
    comment            text,
    state              text not null,
    submitted_at       timestamp with time zone not null,
    answer_by          timestamp with time zone,
    answered_at        timestamp with time zone,
    answer             text
);
create index quality_reviews_agent on quality_reviews (agent_id, submitted_at);
create index quality_reviews_case on quality_reviews (case_id);
-- One score per reviewer in a calibration session (reviews outside sessions have no session id).
create unique index quality_reviews_once_per_session on quality_reviews (calibration_id, reviewer_id);

create table quality_review_ratings (
    review_id  bigint not null references quality_reviews (id),
    item_code  text not null,
    rating     text not null,
    suggested  text,
    note       text,
    primary key (review_id, item_code)
);
