package org.claimledger.verdict;

import org.claimledger.common.PartialDate;
import org.claimledger.source.Grade;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A graph that takes in changed sources one line at a time gives the lines and weights a graph
 * built from all of them gives, whatever the changes: new sources (some named in derivedFrom
 * before they exist), grades, origins and links revised (lines joining and splitting), retractions.
 */
class SourceGraphRefreshTest {

    private static final List<String> ORIGINS = List.of("independent", "independent", "independent", "soviet-state",
            "home-army");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void taking_in_changes_gives_what_building_anew_gives(long seed) {
        Random random = new Random(seed);
        TreeMap<String, Witness> all = new TreeMap<>();
        for (int i = 0; i < 30; i++) {
            String id = id(i);
            all.put(id, witness(random, id, 60));
        }
        SourceGraph graph = SourceGraph.of(all);
        for (int step = 0; step < 300; step++) {
            List<String> changed = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                String id = id(random.nextInt(60)); // about half of them new
                Witness was = all.get(id);
                Witness now = switch (random.nextInt(4)) {
                    case 0 -> witness(random, id, 60);
                    case 1 -> was == null ? witness(random, id, 60) : was.withGrade(grade(random));
                    case 2 -> was == null ? witness(random, id, 60)
                            : was.withRetraction(was.retracted() ? null
                            : new Retraction("forged", PartialDate.parse("1990"), "a-reviewer"));
                    default -> was == null ? witness(random, id, 60) : new Witness(id, was.grade(),
                            ORIGINS.get(random.nextInt(ORIGINS.size())), links(random, id, 60), was.published(),
                            was.retraction());
                };
                all.put(id, now);
                changed.add(id);
            }
            java.util.Map<String, String> placedBefore = new java.util.HashMap<>();
            for (String id : all.keySet()) {
                if (graph.knows(id)) {
                    placedBefore.put(id, graph.lineOf(id) + " " + graph.weightOf(id));
                }
            }
            Set<String> again = graph.refresh(all, changed);
            assertThat(again).containsAll(changed);
            SourceGraph whole = SourceGraph.of(all);
            for (String id : all.keySet()) {
                // the dossier re-decides only on the sources named here: whoever moved must be among them
                if (placedBefore.containsKey(id) && !placedBefore.get(id).equals(whole.lineOf(id) + " " + whole.weightOf(id))) {
                    assertThat(again).as("moved source %s named at step %d", id, step).contains(id);
                }
                assertThat(graph.lineOf(id)).as("line of %s at step %d", id, step).isEqualTo(whole.lineOf(id));
                assertThat(graph.weightOf(id)).as("weight of %s at step %d", id, step).isEqualTo(whole.weightOf(id));
                assertThat(graph.membersOf(graph.lineOf(id))).isEqualTo(whole.membersOf(whole.lineOf(id)));
            }
            assertThat(graph.witnesses()).containsExactlyElementsOf(whole.witnesses());
        }
    }

    private static String id(int i) {
        return String.format("s%02d", i);
    }

    private static Witness witness(Random random, String id, int ids) {
        return new Witness(id, grade(random), ORIGINS.get(random.nextInt(ORIGINS.size())), links(random, id, ids),
                null);
    }

    private static Grade grade(Random random) {
        return Grade.values()[random.nextInt(Grade.values().length)];
    }

    /** None, one or two links, to any id, known yet or not. */
    private static List<String> links(Random random, String self, int ids) {
        List<String> links = new ArrayList<>();
        int n = random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2);
        for (int k = 0; k < n; k++) {
            String to = id(random.nextInt(ids));
            if (!to.equals(self) && !links.contains(to)) {
                links.add(to);
            }
        }
        return links;
    }
}
