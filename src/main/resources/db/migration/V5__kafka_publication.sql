-- How far the update feed has been published to each Kafka topic: moved only after the broker has
-- acknowledged everything up to it, so a broker outage delays publication but loses nothing.
CREATE TABLE kafka_publication (
    topic    TEXT    NOT NULL PRIMARY KEY,
    position BIGINT  NOT NULL,
    seq      INTEGER NOT NULL
);
