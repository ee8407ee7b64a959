-- Why a row or a file was refused, as a message key with its values (and the reason it narrows down), so that
-- every report says it in the reader's language. The English text stays beside it for the console and the log;
-- rows refused before this migration have no words and are shown in that text.
alter table rejected_row add column reason_words jsonb;
alter table load_file add column problem_words jsonb;
-- A drift's words likewise: the values of its message drift.<code>.
alter table drift add column args jsonb;
-- How a refused or failed run ended, likewise (the runs page says it in the reader's language).
alter table run add column outcome_words jsonb;
