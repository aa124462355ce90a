package org.claimledger.linkeddata;

import org.claimledger.common.PartialDate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.claimledger.linkeddata.Vocabulary.*;

/**
 * The one place that decides what the ledger says in linked data (ADR 16): every format, the
 * per-resource documents, the export and the question page's embed are written from these nodes.
 *
 * <p>IRIs are the resources' own API URLs under the public base ({@code <base>/api/sources/{id}},
 * {@code /api/sources/{source}/claims/{claim}}, {@code /api/propositions/{id}}, {@code /api/entities/{id}});
 * what belongs to one of them has a fragment of its IRI ({@code #retraction}, {@code #withdrawal},
 * {@code #review}, {@code #rating}). Whoever recorded something is a {@code prov:Agent} at
 * {@code <base>/agents/{name}}. One graph per answer: it remembers which agents it has described,
 * which is as many as the people who record, not the size of the ledger.
 */
public final class LedgerGraph {

    private static final Pattern WIKIDATA_ID = Pattern.compile("Q[1-9][0-9]*");

    private final String base;
    private final Set<String> agentsDescribed = new HashSet<>();
    private boolean ledgerDescribed;

    /** @param base the public base URL, without a trailing slash ({@code http://localhost:8080}) */
    public LedgerGraph(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String sourceIri(String id) {
        return base + "/api/sources/" + path(id);
    }

    public String claimIri(String sourceId, String claimId) {
        return sourceIri(sourceId) + "/claims/" + path(claimId);
    }

    public String propositionIri(String id) {
        return base + "/api/propositions/" + path(id);
    }

    public String entityIri(String id) {
        return base + "/api/entities/" + path(id);
    }

    public String agentIri(String name) {
        return base + "/agents/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The ledger itself, the author of every ClaimReview. */
    public String ledgerIri() {
        return base + "/";
    }

    public void entity(Rows.EntityRow e, Consumer<Node> out) {
        Node n = new Node(entityIri(e.id())).type(THING);
        n.add(IDENTIFIER, Term.text(e.id()));
        e.labels().forEach((lang, label) -> n.add(LABEL, Term.text(label, lang)));
        e.aliases().forEach(alias -> n.text(ALTERNATE_NAME, alias));
        n.text(DC_TYPE, e.kind());
        if (e.wikidata() != null && WIKIDATA_ID.matcher(e.wikidata()).matches()) {
            n.link(SAME_AS, WIKIDATA + e.wikidata());
        }
        out.accept(n);
    }

    /** A proposition is the claim in question (schema:Claim) that the verdict reviews. */
    public void proposition(Rows.PropositionRow p, Consumer<Node> out) {
        Node n = new Node(propositionIri(p.id())).type(CLAIM);
        n.add(IDENTIFIER, Term.text(p.id()));
        n.text(NAME, p.label());
        n.text(TEXT, p.predicate());
        n.link(ABOUT, entityIri(p.subject()));
        out.accept(n);
    }

    /**
     * A verdict is a ClaimReview of its proposition by the ledger: the status is the rating's name
     * (no ratingValue: the statuses say how the testimony stands, not a degree of truth), the
     * explanation its body, the time the verdict last changed its date.
     */
    public void verdict(Rows.VerdictRow v, Consumer<Node> out) {
        describeLedger(out);
        String item = propositionIri(v.propositionId());
        Node rating = new Node(item + "#rating").type(RATING);
        rating.text(ALTERNATE_NAME, v.status());
        rating.text(NAME, v.status());
        Node review = new Node(item + "#review").type(CLAIM_REVIEW);
        review.link(ITEM_REVIEWED, item);
        review.link(REVIEW_RATING, rating.iri());
        review.text(REVIEW_BODY, String.join("\n", v.explanation()));
        review.add(DATE_PUBLISHED, dateTime(v.changedAt()));
        review.link(AUTHOR, ledgerIri());
        review.link(URL, item);
        out.accept(review);
        out.accept(rating);
    }

    public void source(Rows.SourceRow s, Consumer<Node> out) {
        String iri = sourceIri(s.id());
        Node n = new Node(iri).type(PROV_ENTITY).type(CREATIVE_WORK);
        n.add(IDENTIFIER, Term.text(s.id()));
        n.text(TITLE, s.title());
        s.authors().forEach(a -> n.text(CREATOR, a));
        n.text(DC_TYPE, s.kind());
        n.add(ISSUED, partialDate(s.published()));
        n.text(LANGUAGE, s.language());
        n.text(CITATION, s.citation());
        s.derivedFrom().forEach(d -> n.link(WAS_DERIVED_FROM, sourceIri(d)));
        attribute(n, s.registeredBy(), out);
        n.add(GENERATED_AT_TIME, dateTime(s.registeredAt()));
        Rows.Retraction r = s.retraction();
        if (r != null) {
            Node retraction = new Node(iri + "#retraction").type(PROV_ACTIVITY);
            retraction.add(LABEL, Term.text("retraction of " + s.id(), "en"));
            retraction.text(COMMENT, r.reason());
            retraction.add(DATE, partialDate(r.date()));
            retraction.add(ENDED_AT_TIME, dateTime(r.recordedAt()));
            if (r.recordedBy() != null) {
                retraction.link(WAS_ASSOCIATED_WITH, agent(r.recordedBy(), out));
            }
            n.link(WAS_INVALIDATED_BY, retraction.iri());
            n.add(INVALIDATED_AT_TIME, dateTime(r.recordedAt()));
            out.accept(n);
            out.accept(retraction);
        } else {
            out.accept(n);
        }
    }

    /**
     * A claim is an entity derived from its source (and from the source it is reported through,
     * {@code via}), about its proposition; what it says is its label in words and its value as the
     * ledger's JSON ({@code rdf:value}).
     */
    public void claim(Rows.ClaimRow c, Consumer<Node> out) {
        String iri = claimIri(c.sourceId(), c.id());
        Node n = new Node(iri).type(PROV_ENTITY).type(CLAIM);
        n.add(IDENTIFIER, Term.text(c.id()));
        n.add(LABEL, Term.text(c.sourceId() + " " + c.stance() + " " + c.value() + " on " + c.propositionId(), "en"));
        n.link(ABOUT, propositionIri(c.propositionId()));
        n.link(WAS_DERIVED_FROM, sourceIri(c.sourceId()));
        if (c.via() != null && !c.via().equals(c.sourceId())) {
            n.link(WAS_DERIVED_FROM, sourceIri(c.via()));
        }
        n.link(APPEARANCE, sourceIri(c.sourceId()));
        n.text(VALUE, c.value());
        n.add(TEXT, c.quote() == null || c.quote().isBlank() ? null : Term.text(c.quote(), c.quoteLanguage()));
        n.text(COMMENT, c.locator());
        attribute(n, c.recordedBy(), out);
        n.add(GENERATED_AT_TIME, dateTime(c.recordedAt()));
        if (c.withdrawn()) {
            Node withdrawal = new Node(iri + "#withdrawal").type(PROV_ACTIVITY);
            withdrawal.add(LABEL, Term.text("withdrawal of " + c.id(), "en"));
            withdrawal.text(COMMENT, c.withdrawalReason());
            withdrawal.add(ENDED_AT_TIME, dateTime(c.updatedAt()));
            n.link(WAS_INVALIDATED_BY, withdrawal.iri());
            n.add(INVALIDATED_AT_TIME, dateTime(c.updatedAt()));
            out.accept(n);
            out.accept(withdrawal);
        } else {
            out.accept(n);
        }
    }

    /** Everything the collected rows hold, in the order an export writes it. */
    void all(LedgerRows.Collected rows, Consumer<Node> out) {
        rows.entities.forEach(e -> entity(e, out));
        rows.propositions.forEach(p -> proposition(p, out));
        rows.verdicts.forEach(v -> verdict(v, out));
        rows.sources.forEach(s -> source(s, out));
        rows.claims.forEach(c -> claim(c, out));
    }

    private void attribute(Node n, String recordedBy, Consumer<Node> out) {
        if (recordedBy != null && !recordedBy.isBlank()) {
            n.link(WAS_ATTRIBUTED_TO, agent(recordedBy, out));
        }
    }

    private String agent(String name, Consumer<Node> out) {
        String iri = agentIri(name);
        if (agentsDescribed.add(name)) {
            out.accept(new Node(iri).type(PROV_AGENT).add(LABEL, Term.text(name)));
        }
        return iri;
    }

    private void describeLedger(Consumer<Node> out) {
        if (!ledgerDescribed) {
            ledgerDescribed = true;
            out.accept(new Node(ledgerIri()).type(ORGANIZATION).type(PROV_AGENT).add(NAME, Term.text("claimledger")));
        }
    }

    private static Term dateTime(Instant at) {
        return at == null ? null : Term.typed(at.toString(), DATE_TIME);
    }

    /** A partial date at its own precision: xsd:gYear, xsd:gYearMonth or xsd:date. */
    static Term partialDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            PartialDate d = PartialDate.parse(text);
            String type = switch (d.precision()) {
                case YEAR -> G_YEAR;
                case MONTH -> G_YEAR_MONTH;
                case DAY -> XSD_DATE;
            };
            return Term.typed(d.toString(), type);
        } catch (RuntimeException e) {
            return Term.text(text);
        }
    }

    /** An id as it goes in a URL path: its slashes kept (ids are slugs that use them as namespaces). */
    private static String path(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("/", -1)) {
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return out.toString();
    }
}
