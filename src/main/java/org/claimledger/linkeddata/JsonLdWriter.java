package org.claimledger.linkeddata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON-LD 1.1 written as it is read, with Jackson's streaming generator: an inline {@code @context}
 * of prefixes, then one object per node in {@code @graph}. Keys and types are compact IRIs
 * ({@code prov:wasDerivedFrom}), links are full IRIs in {@code @id}, literals value objects
 * ({@code @value} with {@code @language} or {@code @type}). The inline context means a reader needs
 * nothing from the network to read it.
 */
final class JsonLdWriter implements RdfWriter {

    private static final JsonFactory FACTORY = new JsonFactory();

    private final JsonGenerator out;
    private long triples;

    JsonLdWriter(OutputStream stream) throws IOException {
        out = FACTORY.createGenerator(stream, JsonEncoding.UTF8);
        out.writeStartObject();
        out.writeObjectFieldStart("@context");
        for (Map.Entry<String, String> p : Vocabulary.PREFIXES.entrySet()) {
            out.writeStringField(p.getKey(), p.getValue());
        }
        out.writeEndObject();
        out.writeArrayFieldStart("@graph");
    }

    @Override
    public void write(Node node) throws IOException {
        out.writeStartObject();
        out.writeStringField("@id", node.iri());
        if (!node.types().isEmpty()) {
            out.writeArrayFieldStart("@type");
            for (String type : node.types()) {
                out.writeString(name(type));
            }
            out.writeEndArray();
        }
        // JSON keys are unique: a predicate's objects go together, in the order first said
        Map<String, List<Term>> byPredicate = new LinkedHashMap<>();
        node.statements().forEach(s -> byPredicate.computeIfAbsent(s.predicate(), k -> new ArrayList<>()).add(s.object()));
        for (Map.Entry<String, List<Term>> e : byPredicate.entrySet()) {
            out.writeArrayFieldStart(name(e.getKey()));
            for (Term t : e.getValue()) {
                term(t);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
        triples += node.triples();
    }

    private void term(Term t) throws IOException {
        out.writeStartObject();
        if (t instanceof Term.Iri i) {
            out.writeStringField("@id", i.iri());
        } else {
            Term.Literal l = (Term.Literal) t;
            out.writeStringField("@value", l.lexical());
            if (l.lang() != null) {
                out.writeStringField("@language", l.lang());
            } else if (l.datatype() != null) {
                out.writeStringField("@type", name(l.datatype()));
            }
        }
        out.writeEndObject();
    }

    private static String name(String iri) {
        String compact = Vocabulary.compact(iri);
        return compact == null ? iri : compact;
    }

    @Override
    public void close() throws IOException {
        out.writeEndArray();
        out.writeEndObject();
        out.flush();
    }

    @Override
    public long triples() {
        return triples;
    }
}
