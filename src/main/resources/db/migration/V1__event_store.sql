-- The event log: the one source of truth. Axon's JDBC event store layout, with payload and
-- metadata kept as jsonb so the log can be read and indexed as JSON.
CREATE TABLE domain_event_entry (
    global_index         BIGSERIAL    NOT NULL PRIMARY KEY,
    event_identifier     VARCHAR(255) NOT NULL UNIQUE,
    aggregate_identifier VARCHAR(255) NOT NULL,
    sequence_number      BIGINT       NOT NULL,
    type                 VARCHAR(255),
    time_stamp           VARCHAR(255) NOT NULL,
    payload_type         VARCHAR(255) NOT NULL,
    payload_revision     VARCHAR(255),
    payload              JSONB        NOT NULL,
    meta_data            JSONB,
    CONSTRAINT domain_event_entry_stream_position UNIQUE (aggregate_identifier, sequence_number)
);

-- Where each tracking processor (read model) has got to in the log, and which node holds it.
CREATE TABLE token_entry (
    processor_name VARCHAR(255) NOT NULL,
    segment        INTEGER      NOT NULL,
    token          BYTEA,
    token_type     VARCHAR(255),
    timestamp      VARCHAR(255),
    owner          VARCHAR(255),
    PRIMARY KEY (processor_name, segment)
);
