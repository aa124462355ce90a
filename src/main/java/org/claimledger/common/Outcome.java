package org.claimledger.common;

/**
 * What a command did: the resource's version afterwards (its last event's sequence number, used as
 * the ETag) and whether anything new was recorded (false for an idempotent replay).
 */
public record Outcome(long version, boolean changed) {
}
