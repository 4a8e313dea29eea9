-- Customers in control of their notices: preferences, revocable status links, an audit trail, why a customer was
-- not told, and maintenance notices (one-off or weekly windows) going through the same notice outbox.

ALTER TABLE customer
    -- Bumped to revoke every status link issued so far.
    ADD COLUMN link_version   integer NOT NULL DEFAULT 1,
    ADD COLUMN muted_regions  text[]  NOT NULL DEFAULT '{}',
    -- Preference kinds the customer opted out of: 'warnings' (warnings and updates), 'all-clears', 'maintenance'.
    ADD COLUMN muted_kinds    text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN unsubscribed   text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN webhook_url    text,
    ADD COLUMN webhook_secret text;

CREATE TABLE customer_audit (
    id          bigserial PRIMARY KEY,
    customer_id text        NOT NULL REFERENCES customer (id) ON DELETE CASCADE,
    at          timestamptz NOT NULL,
    actor       text        NOT NULL,
    via         text        NOT NULL,
    change      text        NOT NULL
);
CREATE INDEX customer_audit_customer ON customer_audit (customer_id, id);

-- Customers of the region an incident event did not notify, and why (their preferences).
CREATE TABLE notice_skip (
    event_id    bigint NOT NULL REFERENCES incident_event (id),
    customer_id text   NOT NULL,
    reason      text   NOT NULL,
    PRIMARY KEY (event_id, customer_id)
);

ALTER TABLE maintenance_window
    ADD COLUMN status       text    NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'CANCELLED')),
    ADD COLUMN revision     integer NOT NULL DEFAULT 1,
    -- A weekly window recurs from starts_at until ends_at, on weekly_day from weekly_start to weekly_end local time.
    ADD COLUMN weekly_zone  text,
    ADD COLUMN weekly_day   text,
    ADD COLUMN weekly_start text,
    ADD COLUMN weekly_end   text,
    ADD COLUMN updated_at   timestamptz;

-- Maintenance notices share the outbox; an incident notice has an event, a maintenance notice a window step.
ALTER TABLE notice
    ALTER COLUMN incident_id DROP NOT NULL,
    ALTER COLUMN event_id DROP NOT NULL,
    ADD COLUMN maintenance_id bigint REFERENCES maintenance_window (id),
    ADD COLUMN occurrence_at  timestamptz,
    ADD COLUMN step           text,
    DROP CONSTRAINT notice_kind_check,
    ADD CONSTRAINT notice_kind_check CHECK (kind IN ('WARNING', 'UPDATE', 'ALL_CLEAR', 'MAINTENANCE')),
    ADD CONSTRAINT notice_subject_check CHECK ((incident_id IS NOT NULL AND event_id IS NOT NULL)
        OR (maintenance_id IS NOT NULL AND occurrence_at IS NOT NULL AND step IS NOT NULL));
CREATE UNIQUE INDEX notice_maintenance_once ON notice (maintenance_id, occurrence_at, step, customer_id)
    WHERE maintenance_id IS NOT NULL;

-- A customer with a webhook gets every notice twice: an email and a signed JSON post, each its own outbox row.
ALTER TABLE notice
    ADD COLUMN channel text NOT NULL DEFAULT 'email' CHECK (channel IN ('email', 'webhook')),
    DROP CONSTRAINT notice_once,
    ADD CONSTRAINT notice_once UNIQUE (event_id, customer_id, channel);
DROP INDEX notice_maintenance_once;
CREATE UNIQUE INDEX notice_maintenance_once ON notice (maintenance_id, occurrence_at, step, customer_id, channel)
    WHERE maintenance_id IS NOT NULL;
