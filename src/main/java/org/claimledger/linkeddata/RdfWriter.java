package org.claimledger.linkeddata;

import java.io.IOException;

/** Writes nodes as they come, in one format; holds nothing of what it has written. */
public interface RdfWriter extends AutoCloseable {

    void write(Node node) throws IOException;

    /** Ends the document and flushes it. */
    @Override
    void close() throws IOException;

    /** Triples written so far. */
    long triples();
}
