-- Region judgement, incidents with their timeline, customers, maintenance windows and the notice outbox.

CREATE TABLE region_status (
    region_id       text PRIMARY KEY,
    settled_state   text        NOT NULL,
    observed_state  text        NOT NULL,
    pending_state   text,
    pending_since   timestamptz,
    last_known_at   timestamptz,
    evaluated_at    timestamptz NOT NULL,
    evidence        text        NOT NULL
);

CREATE TABLE incident (
    id              bigserial PRIMARY KEY,
    region_id       text        NOT NULL,
    status          text        NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
    state           text        NOT NULL CHECK (state IN ('DEGRADED', 'OUTAGE')),
    worst_state     text        NOT NULL CHECK (worst_state IN ('DEGRADED', 'OUTAGE')),
    opened_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    resolved_at     timestamptz,
    evidence        text        NOT NULL
);
-- At most one open incident per region, whatever the number of replicas.
CREATE UNIQUE INDEX incident_one_open_per_region ON incident (region_id) WHERE status = 'OPEN';
CREATE INDEX incident_region_resolved ON incident (region_id, resolved_at DESC);

CREATE TABLE incident_event (
    id              bigserial PRIMARY KEY,
    incident_id     bigint      NOT NULL REFERENCES incident (id),
    at              timestamptz NOT NULL,
    kind            text        NOT NULL,
    from_state      text,
    to_state        text        NOT NULL,
    notice_kind     text,
    muted           boolean     NOT NULL DEFAULT false,
    evidence        text        NOT NULL
);
CREATE INDEX incident_event_incident ON incident_event (incident_id, id);

CREATE TABLE customer (
    id              text PRIMARY KEY,
    name            text        NOT NULL,
    emails          text[]      NOT NULL,
    language        text        NOT NULL,
    time_zone       text        NOT NULL,
    regions         text[]      NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX customer_regions ON customer USING gin (regions);

CREATE TABLE maintenance_window (
    id              bigserial PRIMARY KEY,
    region_id       text        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL CHECK (ends_at > starts_at),
    reason          text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX maintenance_window_region ON maintenance_window (region_id, ends_at);

-- The outbox: one row per (incident event, customer); the unique key is what makes a notice exactly-once.
CREATE TABLE notice (
    id              bigserial PRIMARY KEY,
    incident_id     bigint      NOT NULL REFERENCES incident (id),
    event_id        bigint      NOT NULL REFERENCES incident_event (id),
    customer_id     text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('WARNING', 'UPDATE', 'ALL_CLEAR')),
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    last_error      text,
    recipients      text,
    subject         text,
    CONSTRAINT notice_once UNIQUE (event_id, customer_id)
);
CREATE INDEX notice_due ON notice (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notice_incident ON notice (incident_id, customer_id);
