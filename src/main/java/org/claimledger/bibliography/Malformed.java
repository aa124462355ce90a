package org.claimledger.bibliography;

/** A file that is not CSL-JSON or BibTeX at all: nothing of it can be read (answered 400). */
public class Malformed extends RuntimeException {

    public Malformed(String message) {
        super(message, null, false, false);
    }
}
