package org.claimledger.linkeddata;

import java.util.ArrayList;
import java.util.List;

/**
 * One resource and what the ledger says of it: its types and its statements, in the order written.
 * Every format writes a node as one unit (a JSON-LD object, a Turtle block, a run of N-Quads), so
 * the export holds one node at a time, never the graph.
 */
public final class Node {

    /** One statement about the node: a predicate (a full IRI) and its object. */
    public record Statement(String predicate, Term object) {
    }

    private final String iri;
    private final List<String> types = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();

    public Node(String iri) {
        this.iri = iri;
    }

    public String iri() {
        return iri;
    }

    public List<String> types() {
        return types;
    }

    public List<Statement> statements() {
        return statements;
    }

    public Node type(String type) {
        types.add(type);
        return this;
    }

    /** Adds the statement when there is something to say (a null object says nothing). */
    public Node add(String predicate, Term object) {
        if (object != null) {
            statements.add(new Statement(predicate, object));
        }
        return this;
    }

    public Node text(String predicate, String text) {
        return text == null || text.isBlank() ? this : add(predicate, Term.text(text));
    }

    public Node link(String predicate, String iri) {
        return iri == null ? this : add(predicate, Term.iri(iri));
    }

    /** Triples this node makes: one per type and one per statement. */
    public int triples() {
        return types.size() + statements.size();
    }
}
