package org.claimledger.linkeddata;

/** The object of a statement: a resource named by its IRI, or a literal. */
public sealed interface Term {

    /** A resource, by its full IRI. */
    record Iri(String iri) implements Term {
    }

    /**
     * A literal: text in a language ({@code lang}), a typed value ({@code datatype}, a full IRI), or
     * plain text (both null, an xsd:string).
     */
    record Literal(String lexical, String datatype, String lang) implements Term {
    }

    static Iri iri(String iri) {
        return new Iri(iri);
    }

    static Literal text(String text) {
        return new Literal(text, null, null);
    }

    static Literal text(String text, String lang) {
        return new Literal(text, null, lang == null || lang.isBlank() ? null : lang);
    }

    static Literal typed(String lexical, String datatype) {
        return new Literal(lexical, datatype, null);
    }
}
