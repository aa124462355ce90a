package org.claimledger.bench;

import org.claimledger.axon.EventRows;
import org.claimledger.axon.EventRows.Row;
import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent.ClaimRecorded;
import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.entity.EntityDetails;
import org.claimledger.entity.EntityEvent.EntityDefined;
import org.claimledger.entity.EntityKind;
import org.claimledger.proposition.Cardinality;
import org.claimledger.proposition.PropositionDetails;
import org.claimledger.proposition.PropositionEvent.PropositionDefined;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceDetails;
import org.claimledger.source.SourceEvent.SourceAssessed;
import org.claimledger.source.SourceEvent.SourceRegistered;
import org.claimledger.source.SourceKind;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A large event log shaped like a growing research ledger, generated as the ledger's own event
 * rows: questions about 100 places, one proposition for every ten claims (a ledger grows in
 * breadth), sources of 200 claims each from three camps with a grade each and now and then a
 * derivation from an earlier source, claims spread at random with one denial in ten. Entered the
 * way historians work: a source, its grade, then its claims. Deterministic: the same seed gives
 * the same log, and {@link #upTo} continues where the last call stopped.
 */
final class SyntheticLedger {

    static final String[] VALUES = {"ak", "ak", "nkvd", "red-army", "wehrmacht"};
    static final String[] ORIGINS = {"independent", "independent", "independent", "soviet-state", "polish-home-army"};
    static final int PLACES = 100;
    static final int CLAIMS_PER_SOURCE = 200;

    private final Random random = new Random(42);
    private final String prefix;
    private Instant clock = Instant.parse("2026-01-01T00:00:00Z");
    private boolean started;
    int propositions;
    int sources;
    int claims;
    long events;

    /** Quotes in five languages with English translations, for the search benchmark; null: one English line. */
    private final SyntheticTexts texts;

    SyntheticLedger(String prefix) {
        this(prefix, null);
    }

    SyntheticLedger(String prefix, SyntheticTexts texts) {
        this.prefix = prefix;
        this.texts = texts;
    }

    String proposition(int i) {
        return prefix + "/p" + i;
    }

    /** Emits the rows that take the ledger to {@code targetClaims} claims. */
    void upTo(int targetClaims, Consumer<Row> out) {
        if (!started) {
            started = true;
            for (String v : List.of("ak", "nkvd", "red-army", "wehrmacht")) {
                emit(out, "Entity", v, 0, new EntityDefined(v, new EntityDetails(EntityKind.ORGANISATION,
                        Map.of("en", v), List.of(), null)));
            }
            for (int i = 0; i < PLACES; i++) {
                String place = prefix + "-place-" + i;
                emit(out, "Entity", place, 0, new EntityDefined(place, new EntityDetails(EntityKind.PLACE,
                        Map.of("en", "Place " + i, "pl", "Miejsce " + i + " (Kraków)"), List.of(), null)));
            }
        }
        int targetPropositions = Math.max(100, targetClaims / 10);
        while (propositions < targetPropositions) {
            int n = propositions++;
            String id = proposition(n);
            Cardinality cardinality = n % 10 == 0 ? Cardinality.MULTIPLE : Cardinality.SINGLE;
            emit(out, "Proposition", id, 0, new PropositionDefined(id, new PropositionDetails(
                    prefix + "-place-" + (n % PLACES), "question " + n, ValueType.ENTITY, cardinality,
                    "Who did it, question " + n + "?")));
        }
        while (claims < targetClaims) {
            String source = prefix + "-s" + sources;
            List<String> derived = sources > 10 && random.nextInt(20) == 0
                    ? List.of(prefix + "-s" + random.nextInt(sources)) : List.of();
            sources++;
            int language = texts == null ? SyntheticTexts.english() : sources % SyntheticTexts.LANGUAGES.length;
            String title = texts == null ? "Source " + source : texts.sentence(language, random, 6);
            emit(out, "Source", source, 0, new SourceRegistered(source, new SourceDetails(title,
                    List.of("Author " + random.nextInt(1000)), SourceKind.SCHOLARSHIP,
                    PartialDate.parse(String.valueOf(1945 + random.nextInt(80))), SyntheticTexts.LANGUAGES[language],
                    ORIGINS[random.nextInt(ORIGINS.length)], derived, null)));
            emit(out, "Source", source, 1, new SourceAssessed(source, Grade.values()[random.nextInt(5)],
                    "graded for the benchmark"));
            int count = Math.min(CLAIMS_PER_SOURCE, targetClaims - claims);
            for (int i = 0; i < count; i++) {
                String claimId = source + "/c" + i;
                ClaimContent content = new ClaimContent(proposition(random.nextInt(propositions)),
                        random.nextInt(10) == 0 ? Stance.DENIES : Stance.ASSERTS,
                        new Value.EntityRef(VALUES[random.nextInt(VALUES.length)]), "p. " + (i + 1),
                        texts == null ? "a passage of some length, as sources tend to have, quoted exactly as printed, " + i
                                : texts.sentence(language, random, 12 + random.nextInt(14)),
                        SyntheticTexts.LANGUAGES[language],
                        texts == null || language == SyntheticTexts.english() ? null
                                : texts.sentence(SyntheticTexts.english(), random, 12 + random.nextInt(14)),
                        null, null, null);
                emit(out, "Claim", claimId, 0, new ClaimRecorded(claimId, source, content));
                claims++;
            }
        }
    }

    private void emit(Consumer<Row> out, String type, String aggregate, long seq, Object event) {
        clock = clock.plusMillis(1);
        events++;
        out.accept(EventRows.of(type, aggregate, seq, event, clock, "bench"));
    }
}
