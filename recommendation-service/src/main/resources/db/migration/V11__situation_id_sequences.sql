-- Facts and consents: Hibernate now takes their ids from the identity columns' own sequences, 50 at a time
-- (pooled optimizer, allocationSize 50), instead of letting each insert generate one. An identity insert has
-- to run at once to read its id back, so one event's facts went as one round trip each; with the ids known
-- up front they go as one JDBC batch at flush. Inserts that still use the column default (a manual fix, say)
-- take a value of their own from the same sequence, so the two never collide.
ALTER TABLE situation_fact ALTER COLUMN id SET INCREMENT BY 50;
ALTER TABLE situation_consent ALTER COLUMN id SET INCREMENT BY 50;
