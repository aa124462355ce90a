package org.claimledger.linkeddata;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The ledger's linked data: a resource's own document, a streamed export, a question page's embed. */
@ApplicationScoped
public class LinkedData {

    @Inject
    LedgerRows rows;

    /** One resource's JSON-LD, read in one go (a source with its claims is its largest). */
    public String document(Scope scope, String base) {
        LedgerRows.Collected collected = new LedgerRows.Collected();
        try {
            rows.read(scope, collected);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (RdfWriter writer = RdfFormat.JSON_LD.writer(bytes)) {
                new LedgerGraph(base).all(collected, node -> write(writer, node));
            }
            return bytes.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes everything in scope as it is read; answers how many triples it wrote. */
    public long export(Scope scope, String base, RdfFormat format, OutputStream out) throws IOException {
        LedgerGraph graph = new LedgerGraph(base);
        try (RdfWriter writer = format.writer(out)) {
            rows.read(scope, new LedgerRows.Reader() {
                public void entity(Rows.EntityRow row) {
                    graph.entity(row, n -> write(writer, n));
                }

                public void proposition(Rows.PropositionRow row) {
                    graph.proposition(row, n -> write(writer, n));
                }

                public void verdict(Rows.VerdictRow row) {
                    graph.verdict(row, n -> write(writer, n));
                }

                public void source(Rows.SourceRow row) {
                    graph.source(row, n -> write(writer, n));
                }

                public void claim(Rows.ClaimRow row) {
                    graph.claim(row, n -> write(writer, n));
                }
            });
            return writer.triples();
        }
    }

    /**
     * A proposition's ClaimReview for its page, as {@code <script type="application/ld+json">} content,
     * or null when it has no verdict yet. {@code </} is written {@code <\/} so the script cannot end early.
     */
    public String pageEmbed(String propositionId, String base) {
        LedgerRows.Collected collected = new LedgerRows.Collected();
        try {
            rows.read(Scope.proposition(propositionId), collected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (collected.verdicts.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (RdfWriter writer = RdfFormat.JSON_LD.writer(bytes)) {
            LedgerGraph graph = new LedgerGraph(base);
            collected.verdicts.forEach(v -> graph.verdict(v, n -> write(writer, n)));
            collected.propositions.forEach(p -> graph.proposition(p, n -> write(writer, n)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace("</", "<\\/");
    }

    private static void write(RdfWriter writer, Node node) {
        try {
            writer.write(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
