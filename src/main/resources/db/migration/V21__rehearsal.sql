-- An apply before the merger's effective date is refused unless it is a rehearsal on a copy of the data (SPEC 5.8):
-- recorded with the apply, said in its reports.
alter table plan add column rehearsal boolean not null default false;
