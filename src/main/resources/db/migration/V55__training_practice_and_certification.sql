-- remedies: authority raised for one person by a source outside the matrix (a certification),
-- until a moment; past it, the person's own or role limit applies again without anyone acting.
create table authority_raises (
    id               bigint generated always as identity primary key,
    user_id          bigint not null,
    remedy_type      text not null,
    per_case_minor   bigint not null,
    per_month_minor  bigint not null,
    source           text not null,
    granted_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null
);
create index authority_raises_user on authority_raises (user_id, remedy_type, expires_at);

-- training: quizzes on the playbook. An item is a multiple choice (the index of the right
-- choice) or a written answer checked against playbook rules (apology, no blame, our part
-- owned, a date given).
create table training_quizzes (
    id            bigint generated always as identity primary key,
    code          text not null unique,
    title         text not null,
    description   text not null,
    pass_percent  integer not null
);
create table training_quiz_items (
    id              bigint generated always as identity primary key,
    quiz_id         bigint not null references training_quizzes (id),
    position        integer not null,
    kind            text not null,
    topic           text not null,
    prompt          text not null,
    choices         text,
    correct_choice  integer,
    checks          text,
    why             text not null
);
create table training_quiz_attempts (
    id        bigint generated always as identity primary key,
    quiz_id   bigint not null references training_quizzes (id),
    user_id   bigint not null,
    taken_at  timestamp with time zone not null,
    correct   integer not null,
    total     integer not null,
    score     integer not null,
    passed    boolean not null
);
create index training_quiz_attempts_user on training_quiz_attempts (user_id, taken_at);
-- Every answer, in an attempt or in practice (attempt_id null), with why it was wrong.
create table training_answers (
    id           bigint generated always as identity primary key,
    item_id      bigint not null references training_quiz_items (id),
    user_id      bigint not null,
    attempt_id   bigint references training_quiz_attempts (id),
    answered_at  timestamp with time zone not null,
    answer       text not null,
    correct      boolean not null,
    reasons      text
);
create index training_answers_user on training_answers (user_id, answered_at);
-- A missed item's repetition schedule for one person (SM-2: repetitions, interval, ease).
create table training_practice (
    user_id        bigint not null,
    item_id        bigint not null references training_quiz_items (id),
    repetitions    integer not null,
    interval_days  integer not null,
    ease_permille  integer not null,
    due_at         timestamp with time zone not null,
    primary key (user_id, item_id)
);
create index training_practice_due on training_practice (user_id, due_at);

-- Certifications: a quiz passed plus reviewed cases at or above a score raise what the holder
-- may grant of a remedy type, for a number of days.
create table training_certifications (
    id                bigint generated always as identity primary key,
    code              text not null unique,
    name              text not null,
    quiz_id           bigint not null references training_quizzes (id),
    min_reviews       integer not null,
    min_review_score  integer not null,
    valid_days        integer not null,
    remedy_type       text not null,
    per_case          text not null,
    per_month         text not null,
    active            boolean not null
);
create table training_certificates (
    id                bigint generated always as identity primary key,
    certification_id  bigint not null references training_certifications (id),
    user_id           bigint not null,
    earned_at         timestamp with time zone not null,
    expires_at        timestamp with time zone not null,
    notice_sent_at    timestamp with time zone,
    lapsed_at         timestamp with time zone
);
create index training_certificates_user on training_certificates (user_id, expires_at);

-- Scenarios: branching conversations to practise on, written by managers or made from a
-- resolved case (anonymised; a lead reviews before publishing). The conversation is one JSON
-- document: nodes with the customer's words, the moves to choose from, the better one and why.
create table training_scenarios (
    id                bigint generated always as identity primary key,
    title             text not null,
    summary           text not null,
    origin            text not null,
    source_case_id    bigint,
    body              text not null,
    state             text not null,
    created_by_id     bigint not null,
    created_by_name   text not null,
    created_at        timestamp with time zone not null,
    published_by_name text,
    published_at      timestamp with time zone
);
create table training_scenario_plays (
    id           bigint generated always as identity primary key,
    scenario_id  bigint not null references training_scenarios (id),
    user_id      bigint not null,
    played_at    timestamp with time zone not null,
    better_moves integer not null,
    moves        integer not null
);
create index training_scenario_plays_user on training_scenario_plays (user_id, played_at);
