package org.claimledger.linkeddata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** N-Quads (every statement in the default graph): a line a triple, the easiest to stream and to read back. */
final class NQuadsWriter implements RdfWriter {

    private final Writer out;
    private long triples;

    NQuadsWriter(OutputStream out) {
        this.out = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void write(Node node) throws IOException {
        String subject = iri(node.iri());
        for (String type : node.types()) {
            out.append(subject).append(' ').append(iri(Vocabulary.TYPE)).append(' ').append(iri(type)).append(" .\n");
        }
        for (Node.Statement s : node.statements()) {
            out.append(subject).append(' ').append(iri(s.predicate())).append(' ');
            term(out, s.object());
            out.append(" .\n");
        }
        triples += node.triples();
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    @Override
    public long triples() {
        return triples;
    }

    static String iri(String iri) {
        return "<" + iri + ">";
    }

    static void term(Appendable out, Term term) throws IOException {
        if (term instanceof Term.Iri i) {
            out.append('<').append(i.iri()).append('>');
            return;
        }
        Term.Literal l = (Term.Literal) term;
        out.append('"');
        escape(out, l.lexical());
        out.append('"');
        if (l.lang() != null) {
            out.append('@').append(l.lang());
        } else if (l.datatype() != null) {
            out.append("^^<").append(l.datatype()).append('>');
        }
    }

    /** The string escapes N-Triples and Turtle share; other control characters as \\uXXXX. */
    static void escape(Appendable out, String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch == 0x7f) {
                        out.append(String.format("\\u%04X", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
    }
}
