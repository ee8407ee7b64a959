-- A finding's words come from the report bundles (Dutch, French, and English for the console and the log):
-- the message key and its values are kept, so every report can say it in its own language.
alter table finding add column message text;
alter table finding add column args jsonb;
