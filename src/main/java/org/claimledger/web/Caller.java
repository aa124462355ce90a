package org.claimledger.web;

/**
 * Who is making a request, recorded as {@code recordedBy} on every event it causes. Until
 * authentication lands every caller is anonymous.
 */
public final class Caller {

    public static final String ANONYMOUS = "anonymous";

    private Caller() {
    }

    public static String name() {
        return ANONYMOUS;
    }
}
