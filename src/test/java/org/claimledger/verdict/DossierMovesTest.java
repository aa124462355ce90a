package org.claimledger.verdict;

import org.claimledger.claim.ClaimEvent;
import org.claimledger.claim.Stance;
import org.claimledger.common.Value;
import org.claimledger.proposition.Cardinality;
import org.claimledger.source.Grade;
import org.claimledger.source.SourceEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.common.ValueType.ENTITY;
import static org.claimledger.verdict.Given.assessed;
import static org.claimledger.verdict.Given.defined;
import static org.claimledger.verdict.Given.details;
import static org.claimledger.verdict.Given.entity;
import static org.claimledger.verdict.Given.recorded;
import static org.claimledger.verdict.Given.registered;
import static org.claimledger.verdict.Given.reinstated;
import static org.claimledger.verdict.Given.retracted;
import static org.claimledger.verdict.Given.withdrawn;

/**
 * The dossier decides only the verdicts whose evidence an event changed, and tells a verdict in
 * full only when asked: neither may show. After every event of a random ledger (claims recorded,
 * revised and withdrawn; sources registered, some naming sources not known yet, graded, retracted,
 * reinstated, their origins and links revised), each verdict equals the one a dossier folded anew
 * from the whole log gives, and a verdict is reported as moved exactly when it differs from the
 * one before the event, with the status and lead it now has.
 */
class DossierMovesTest {

    private static final List<String> ORIGINS = List.of("independent", "independent", "soviet-state", "home-army");
    private static final List<String> VALUES = List.of("ak", "ak", "nkvd", "red-army");
    private static final List<String> PROPOSITIONS = List.of("p-single-1", "p-single-2", "p-multiple");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void only_changed_evidence_moves_a_verdict_and_the_verdict_told_later_is_the_verdict_now(long seed) {
        Random random = new Random(seed);
        List<Object> log = new ArrayList<>();
        Dossier dossier = new Dossier();
        Map<String, Verdict> before = new HashMap<>();
        List<String> sources = new ArrayList<>();
        Map<String, String[]> claims = new TreeMap<>(); // claim -> source, proposition
        int next = 0;
        for (int step = 0; step < 400; step++) {
            Object event;
            if (step < PROPOSITIONS.size()) {
                String p = PROPOSITIONS.get(step);
                event = defined(p, ENTITY, p.endsWith("multiple") ? Cardinality.MULTIPLE : Cardinality.SINGLE);
            } else {
                int kind = random.nextInt(10);
                if (sources.size() < 3 || kind == 0) {
                    String id = String.format("s%02d", random.nextInt(40)); // ids not in order of registration
                    event = sources.contains(id) ? revisedSource(random, id) : registered(id,
                            ORIGINS.get(random.nextInt(ORIGINS.size())), links(random, id), "1950");
                    if (!sources.contains(id)) {
                        sources.add(id);
                    }
                } else if (kind == 1) {
                    String id = sources.get(random.nextInt(sources.size()));
                    event = switch (random.nextInt(3)) {
                        case 0 -> retracted(id, "1990");
                        case 1 -> reinstated(id);
                        default -> assessed(id, Grade.values()[random.nextInt(Grade.values().length)]);
                    };
                } else if (kind == 2) {
                    event = assessed(sources.get(random.nextInt(sources.size())),
                            Grade.values()[random.nextInt(Grade.values().length)]);
                } else if (kind == 3 && !claims.isEmpty()) {
                    String claim = new ArrayList<>(claims.keySet()).get(random.nextInt(claims.size()));
                    String[] of = claims.remove(claim);
                    event = withdrawn(claim, of[0], of[1]);
                } else if (kind == 4 && !claims.isEmpty()) {
                    String claim = new ArrayList<>(claims.keySet()).get(random.nextInt(claims.size()));
                    String[] of = claims.get(claim);
                    event = new ClaimEvent.ClaimRevised(claim, of[0], Given.content(of[1], stance(random), value(random)),
                            "revised in the test"); // now and then to what it already said
                } else {
                    String claim = "c" + next++;
                    String source = sources.get(random.nextInt(sources.size()));
                    String p = PROPOSITIONS.get(random.nextInt(PROPOSITIONS.size()));
                    claims.put(claim, new String[]{source, p});
                    event = recorded(claim, source, p, stance(random), value(random));
                }
            }
            log.add(event);
            List<Dossier.Moved> moved = dossier.apply(event).decide();
            Dossier anew = Given.dossier(log.toArray());
            Map<String, Dossier.Moved> byProposition = moved.stream()
                    .collect(Collectors.toMap(Dossier.Moved::propositionId, m -> m));
            for (String p : PROPOSITIONS.subList(0, Math.min(step + 1, PROPOSITIONS.size()))) {
                Verdict now = anew.verdict(p);
                Verdict was = before.put(p, now);
                assertThat(byProposition.containsKey(p))
                        .as("step %d, %s: %s moved?", step, event, p).isEqualTo(!now.equals(was));
                if (byProposition.containsKey(p)) {
                    Dossier.Moved m = byProposition.get(p);
                    assertThat(m.now().status()).as("status at step %d", step).isEqualTo(now.status());
                    assertThat(m.now().leading()).as("lead at step %d", step).isEqualTo(now.leading());
                    assertThat(m.from()).isEqualTo(was == null ? null : was.status());
                }
                if (random.nextInt(4) == 0 || byProposition.containsKey(p)) { // asked now and then, not always
                    assertThat(dossier.verdict(p)).as("verdict of %s at step %d", p, step).isEqualTo(now);
                }
            }
        }
        assertThat(before.values()).extracting(Verdict::status).as("the ledger came to disputes")
                .contains(Status.CONTESTED);
    }

    @org.junit.jupiter.api.Test
    void a_dossier_never_asked_to_decide_still_tells_the_verdict_as_things_stand() {
        // time travel folds the log and asks for a verdict, with no decision in between
        Dossier folded = Given.dossier(defined("p", ENTITY, Cardinality.SINGLE),
                registered("s1", "independent", List.of(), "1950"), assessed("s1", Grade.B),
                recorded("c1", "s1", "p", Stance.ASSERTS, entity("ak")));
        assertThat(folded.verdict("p").status()).isEqualTo(Status.SINGLE_LINE);
        folded.apply(registered("s2", "independent", List.of(), "1960")).apply(assessed("s2", Grade.B))
                .apply(recorded("c2", "s2", "p", Stance.ASSERTS, entity("nkvd")));
        assertThat(folded.verdict("p").status()).isEqualTo(Status.CONTESTED);
        folded.apply(retracted("s2", "1990"));
        assertThat(folded.verdict("p").status()).isEqualTo(Status.SINGLE_LINE);
    }

    private static SourceEvent.SourceRevised revisedSource(Random random, String id) {
        return new SourceEvent.SourceRevised(id, details(ORIGINS.get(random.nextInt(ORIGINS.size())), links(random, id),
                random.nextBoolean() ? "1950" : "1960"), "revised in the test");
    }

    private static List<String> links(Random random, String self) {
        if (random.nextInt(10) < 7) {
            return List.of();
        }
        String to = String.format("s%02d", random.nextInt(40));
        return to.equals(self) ? List.of() : List.of(to);
    }

    private static Stance stance(Random random) {
        return random.nextInt(5) == 0 ? Stance.DENIES : Stance.ASSERTS;
    }

    private static Value value(Random random) {
        return entity(VALUES.get(random.nextInt(VALUES.size())));
    }
}
