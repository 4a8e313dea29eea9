-- When a degradation (or a change, or the recovery) began in probe time: the start of the sustained run that led to
-- the settled change, one window before the change was decided. Notices say "since" this, not since the decision.
-- Nullable: rows written before this migration, or inserted by hand, fall back to opened_at / at.
ALTER TABLE incident ADD COLUMN began_at timestamptz;
ALTER TABLE incident_event ADD COLUMN since timestamptz;
UPDATE incident SET began_at = opened_at;
UPDATE incident_event SET since = at;
