-- Tickets as Forewarn last saw them, their status/severity history (for the SLA clocks), the pages they
-- caused with every acknowledgement and resolve (the audit trail for SLA credits), and the page outbox.

CREATE TABLE ticket (
    source            text        NOT NULL,
    id                text        NOT NULL,
    subject           text        NOT NULL,
    severity          text        NOT NULL,
    status            text        NOT NULL,
    team              text        NOT NULL,
    customer_id       text,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    first_response_at timestamptz,
    solved_at         timestamptz,
    url               text,
    first_seen_at     timestamptz NOT NULL,
    -- When the SLA watch must look at this ticket again; null once nothing more can happen to it.
    next_check_at     timestamptz,
    -- Earliest projected breach of a deadline not met yet, as of the last evaluation (for the steering gauges).
    next_breach_at    timestamptz,
    first_response_breached boolean NOT NULL DEFAULT false,
    resolution_breached     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (source, id)
);
CREATE INDEX ticket_next_check ON ticket (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX ticket_open ON ticket (status) WHERE status NOT IN ('SOLVED', 'CLOSED');

CREATE TABLE ticket_change (
    source            text        NOT NULL,
    ticket_id         text        NOT NULL,
    seq               integer     NOT NULL,
    at                timestamptz NOT NULL,
    status            text        NOT NULL,
    severity          text        NOT NULL,
    PRIMARY KEY (source, ticket_id, seq),
    FOREIGN KEY (source, ticket_id) REFERENCES ticket (source, id)
);

CREATE TABLE ticket_cursor (
    source            text PRIMARY KEY,
    cursor            text,
    updated_at        timestamptz NOT NULL
);

CREATE TABLE page (
    id                bigserial PRIMARY KEY,
    source            text        NOT NULL,
    ticket_id         text        NOT NULL,
    deadline          text        NOT NULL CHECK (deadline IN ('FIRST_RESPONSE', 'RESOLUTION')),
    stage             text        NOT NULL,
    tier              text        NOT NULL CHECK (tier IN ('L1', 'L2', 'L3')),
    team              text        NOT NULL,
    -- The tier actually paged: the next one up when nobody was on call in the tier the stage asked for.
    routed_tier       text        NOT NULL CHECK (routed_tier IN ('L1', 'L2', 'L3')),
    assignee          text,
    status            text        NOT NULL CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    escalated         boolean     NOT NULL DEFAULT false,
    escalated_from    bigint REFERENCES page (id),
    dedup_key         text        NOT NULL,
    incident_id       bigint,
    why               text        NOT NULL,
    breach_at         timestamptz,
    paged_at          timestamptz NOT NULL,
    acknowledged_at   timestamptz,
    acknowledged_by   text,
    resolved_at       timestamptz,
    resolved_why      text,
    -- Exactly one page per ticket, deadline, stage and tier.
    CONSTRAINT page_once UNIQUE (source, ticket_id, deadline, stage, tier),
    FOREIGN KEY (source, ticket_id) REFERENCES ticket (source, id)
);
CREATE INDEX page_ticket ON page (source, ticket_id);
CREATE INDEX page_dedup ON page (dedup_key);
CREATE INDEX page_open ON page (status) WHERE status <> 'RESOLVED';

CREATE TABLE page_event (
    id                bigserial PRIMARY KEY,
    page_id           bigint      NOT NULL REFERENCES page (id),
    at                timestamptz NOT NULL,
    kind              text        NOT NULL,
    actor             text,
    detail            text
);
CREATE INDEX page_event_page ON page_event (page_id, id);

-- The page outbox: one delivery per (dedup key, action, channel); pages grouped under a region incident share
-- a dedup key, so the group is paged once.
CREATE TABLE page_delivery (
    id                bigserial PRIMARY KEY,
    page_id           bigint      NOT NULL REFERENCES page (id),
    dedup_key         text        NOT NULL,
    action            text        NOT NULL CHECK (action IN ('TRIGGER', 'ACKNOWLEDGE', 'RESOLVE')),
    channel           text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    sent_at           timestamptz,
    last_error        text,
    CONSTRAINT page_delivery_once UNIQUE (dedup_key, action, channel)
);
CREATE INDEX page_delivery_due ON page_delivery (next_attempt_at) WHERE status = 'PENDING';

-- On-call overrides added through the API (schedules themselves are configuration).
CREATE TABLE oncall_override (
    id                bigserial PRIMARY KEY,
    tier              text        NOT NULL CHECK (tier IN ('L1', 'L2', 'L3')),
    team              text        NOT NULL,
    participant       text        NOT NULL,
    starts_at         timestamptz NOT NULL,
    ends_at           timestamptz NOT NULL CHECK (ends_at > starts_at),
    reason            text        NOT NULL,
    created_at        timestamptz NOT NULL
);
CREATE INDEX oncall_override_active ON oncall_override (tier, team, ends_at);
