package org.claimledger.linkeddata;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turtle: the prefixes once, then a block per node (types, then its statements), as they come. */
final class TurtleWriter implements RdfWriter {

    private final Writer out;
    private long triples;

    TurtleWriter(OutputStream out) throws IOException {
        this.out = new java.io.BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        for (Map.Entry<String, String> p : Vocabulary.PREFIXES.entrySet()) {
            this.out.append("@prefix ").append(p.getKey()).append(": <").append(p.getValue()).append("> .\n");
        }
    }

    @Override
    public void write(Node node) throws IOException {
        out.append('\n').append(NQuadsWriter.iri(node.iri()));
        String separator = "\n    ";
        if (!node.types().isEmpty()) {
            out.append(separator).append("a ");
            for (int i = 0; i < node.types().size(); i++) {
                out.append(i == 0 ? "" : ", ").append(name(node.types().get(i)));
            }
            separator = " ;\n    ";
        }
        for (Node.Statement s : node.statements()) {
            out.append(separator).append(name(s.predicate())).append(' ');
            if (s.object() instanceof Term.Literal l && l.datatype() != null && l.lang() == null
                    && Vocabulary.compact(l.datatype()) != null) {
                out.append('"');
                NQuadsWriter.escape(out, l.lexical());
                out.append("\"^^").append(Vocabulary.compact(l.datatype()));
            } else {
                NQuadsWriter.term(out, s.object());
            }
            separator = " ;\n    ";
        }
        out.append(" .\n");
        triples += node.triples();
    }

    private static String name(String iri) {
        String compact = Vocabulary.compact(iri);
        return compact == null ? NQuadsWriter.iri(iri) : compact;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    @Override
    public long triples() {
        return triples;
    }
}
