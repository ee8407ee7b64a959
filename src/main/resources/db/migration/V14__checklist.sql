-- The merger's checklist as people work through it: each tick (a task marked done) and each untick, with who and when.
-- Rows are never changed or deleted: a task's state is its latest row, the rows before it its history.
create table task_check (
    id         bigserial primary key,
    merger_id  text        not null,
    task_code  text        not null,
    done       boolean     not null,
    by_whom    text        not null,
    at         timestamptz not null default now(),
    run_id     bigint references run (id)
);
create index task_check_merger on task_check (merger_id, task_code, id);
