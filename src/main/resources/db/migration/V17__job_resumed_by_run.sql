-- The job instances a run resumed (an interrupted apply finished by the next apply, from the command line or the
-- dashboard): Spring Batch restarts an execution with the parameters it first had, so the executions of a resumed
-- job name the run that started it, not the run that resumed it. What a run did is the executions that name it and
-- those after after_execution_id of the instances it resumed. Owned by the batch module.
create table job_resumed_by_run (
    run_id             bigint not null,
    job_instance_id    bigint not null references batch_job_instance (job_instance_id),
    after_execution_id bigint not null,
    primary key (run_id, job_instance_id)
);
