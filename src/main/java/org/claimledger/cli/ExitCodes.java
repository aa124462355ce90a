package org.claimledger.cli;

/** What the commands' exit statuses mean, for scripts (the README lists them). */
public final class ExitCodes {

    /** Done: everything was imported, exported or issued. */
    public static final int DONE = 0;
    /** The ledger refused (problems in the input, a missing token or role): nothing was written. */
    public static final int REFUSED = 1;
    /** The command line is wrong: an unknown option, a missing argument. */
    public static final int USAGE = 2;
    /** The service could not be reached at the address given. */
    public static final int UNREACHABLE = 3;
    /** A file could not be read or written. */
    public static final int FILE = 4;

    private ExitCodes() {
    }

    static final String SECTION = """
            Exit status:
              0  done
              1  refused by the ledger (problems in the input, no token or role); nothing written
              2  usage: an unknown option or a missing argument
              3  the service could not be reached
              4  a file could not be read or written""";
}
