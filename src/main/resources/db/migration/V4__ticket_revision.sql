-- Every stored change of a ticket row takes a new revision, so the SLA watch can keep the clock inputs of open
-- tickets in memory and reload only those whose revision differs from the one it holds. A plain sequence (not
-- owned by the column) so that TRUNCATE … RESTART IDENTITY never hands out a revision the watch has seen.
CREATE SEQUENCE ticket_revision;
ALTER TABLE ticket ADD COLUMN revision bigint NOT NULL DEFAULT nextval('ticket_revision');
