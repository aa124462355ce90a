package org.claimledger.security;

/** Who may do what. Reads may be public or need {@code reader} (by configuration); writes always need their role. */
public final class Roles {

    /** May read when reads are not public. */
    public static final String READER = "reader";
    /** Registers sources, records claims, defines entities and propositions, imports corpora. */
    public static final String CONTRIBUTOR = "contributor";
    /** Assesses sources' reliability. */
    public static final String REVIEWER = "reviewer";
    /** Rebuilds read models and runs operations; may also do everything above. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
