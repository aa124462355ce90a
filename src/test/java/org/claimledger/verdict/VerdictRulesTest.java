package org.claimledger.verdict;

import org.claimledger.claim.ClaimContent;
import org.claimledger.claim.ClaimEvent;
import org.claimledger.claim.Stance;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Value;
import org.claimledger.common.ValueType;
import org.claimledger.proposition.Cardinality;
import org.claimledger.source.Grade;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.claimledger.common.ValueType.BOOLEAN;
import static org.claimledger.common.ValueType.DATE;
import static org.claimledger.common.ValueType.ENTITY;
import static org.claimledger.common.ValueType.QUANTITY;
import static org.claimledger.common.ValueType.TEXT;
import static org.claimledger.proposition.Cardinality.MULTIPLE;
import static org.claimledger.proposition.Cardinality.SINGLE;
import static org.claimledger.verdict.Status.CONTESTED;
import static org.claimledger.verdict.Status.CORROBORATED;
import static org.claimledger.verdict.Status.DISCREDITED;
import static org.claimledger.verdict.Status.SINGLE_LINE;
import static org.claimledger.verdict.Status.UNATTESTED;

/**
 * The verdict rules of domain.md, case by case. Sources are written {@code "id grade [origin] [<from,from]"},
 * claims {@code "source asserts|denies value"} (a claim id is made up), a withdrawn claim is prefixed
 * with {@code "withdrawn "}. The expected leading position is checked where given.
 */
class VerdictRulesTest {

    record Case(String name, ValueType type, Cardinality cardinality, List<String> sources, List<String> claims,
                Status status, String leading, Integer lines) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, ValueType type, Cardinality cardinality, String sources, String claims, Status status) {
        return new Case(name, type, cardinality, split(sources), split(claims), status, null, null);
    }

    static Case c(String name, ValueType type, Cardinality cardinality, String sources, String claims, Status status,
                  String leading) {
        return new Case(name, type, cardinality, split(sources), split(claims), status, leading, null);
    }

    static Case c(String name, ValueType type, Cardinality cardinality, String sources, String claims, Status status,
                  String leading, int lines) {
        return new Case(name, type, cardinality, split(sources), split(claims), status, leading, lines);
    }

    static List<String> split(String specs) {
        return specs.isBlank() ? List.of() : Arrays.stream(specs.split(";")).map(String::strip).toList();
    }

    static Stream<Case> cases() {
        return Stream.of(
                // unattested
                c("no claims at all", ENTITY, SINGLE, "a B", "", UNATTESTED),
                c("every claim withdrawn", ENTITY, SINGLE, "a B; b B", "withdrawn a asserts ak; withdrawn b asserts ak", UNATTESTED),
                // single-line
                c("one source asserts", ENTITY, SINGLE, "a B", "a asserts ak", SINGLE_LINE, "asserts ak", 1),
                c("one source says it twice", ENTITY, SINGLE, "a B", "a asserts ak; a asserts ak", SINGLE_LINE, "asserts ak", 1),
                c("grade F alone still counts as a line", BOOLEAN, SINGLE, "a F", "a asserts true", SINGLE_LINE, "asserts true"),
                c("grade D alone still counts as a line", BOOLEAN, SINGLE, "a D", "a asserts true", SINGLE_LINE),
                // corroborated
                c("two independent sources agree", ENTITY, SINGLE, "a B; b C", "a asserts ak; b asserts ak", CORROBORATED, "asserts ak", 2),
                c("three independent sources agree", ENTITY, SINGLE, "a A; b B; c F", "a asserts ak; b asserts ak; c asserts ak", CORROBORATED),
                c("two F sources agree", TEXT, SINGLE, "a F; b F", "a asserts 'Street fighting'; b asserts 'street  FIGHTING'", CORROBORATED),
                // shared origin
                c("two sources of one origin are one voice", ENTITY, SINGLE, "a B soviet-state; b B soviet-state", "a asserts nkvd; b asserts nkvd", SINGLE_LINE, "asserts nkvd", 1),
                c("three soviet accounts are one line", ENTITY, SINGLE, "a C soviet-state; b D soviet-state; c D soviet-state", "a asserts nkvd; b asserts nkvd; c asserts nkvd", SINGLE_LINE, null, 1),
                c("independent origin does not merge", ENTITY, SINGLE, "a B independent; b B independent", "a asserts ak; b asserts ak", CORROBORATED, null, 2),
                c("different origins are different lines", ENTITY, SINGLE, "a B soviet-state; b B polish-home-army", "a asserts ak; b asserts ak", CORROBORATED),
                c("one origin plus one independent source corroborate", ENTITY, SINGLE, "a C soviet-state; b C soviet-state; c B", "a asserts nkvd; b asserts nkvd; c asserts nkvd", CORROBORATED, null, 2),
                // derivation
                c("a retelling is one line with its original", ENTITY, SINGLE, "a B; b B <a", "a asserts ak; b asserts ak", SINGLE_LINE, null, 1),
                c("derivation merges in either direction", ENTITY, SINGLE, "a B <b; b B", "a asserts ak; b asserts ak", SINGLE_LINE),
                c("derivation merges transitively", ENTITY, SINGLE, "a B; b B <a; c B <b", "a asserts ak; c asserts ak", SINGLE_LINE, null, 1),
                c("two retellings of a silent source are one line", ENTITY, SINGLE, "a B; b B <a; c B <a", "b asserts ak; c asserts ak", SINGLE_LINE, null, 1),
                c("derivation through an origin group", ENTITY, SINGLE, "a B soviet-state; b B soviet-state; c B <b", "a asserts nkvd; c asserts nkvd", SINGLE_LINE),
                c("a cycle of derivations is one line", ENTITY, SINGLE, "a B <b; b B <a", "a asserts ak; b asserts ak", SINGLE_LINE),
                // contested
                c("two independent sources disagree", ENTITY, SINGLE, "a B; b B", "a asserts ak; b asserts nkvd", CONTESTED),
                c("the stronger position leads a dispute", ENTITY, SINGLE, "a A; b D", "a asserts ak; b asserts nkvd", CONTESTED, "asserts ak"),
                c("support is the noisy-OR of lines", ENTITY, SINGLE, "a C; b C; c B", "a asserts ak; b asserts ak; c asserts nkvd", CONTESTED, "asserts ak"),
                c("a denial conflicts with the assertion it denies", ENTITY, SINGLE, "a D soviet-state; b B", "a asserts nkvd; b denies nkvd", CONTESTED),
                c("one line can contradict itself", ENTITY, SINGLE, "a B soviet-state; b B soviet-state", "a asserts nkvd; b asserts ak", CONTESTED),
                c("ties are contested and lead with nobody", ENTITY, SINGLE, "a B; b B", "a asserts ak; b asserts nkvd", CONTESTED, null),
                // denials
                c("a denial of another value agrees with the assertion", ENTITY, SINGLE, "a B; b B", "a asserts ak; b denies nkvd", SINGLE_LINE, "asserts ak"),
                c("denials alone assert nothing credible", ENTITY, SINGLE, "a B; b B", "a denies nkvd; b denies nkvd", DISCREDITED),
                c("a denial by a discounted line does not contest", ENTITY, SINGLE, "a B; b E", "a asserts nkvd; b denies nkvd", SINGLE_LINE),
                // discounting
                c("an E source alone is discredited", ENTITY, SINGLE, "a E", "a asserts nkvd", DISCREDITED),
                c("E sources never contest", ENTITY, SINGLE, "a B; b B; c E", "a asserts ak; b asserts ak; c asserts nkvd", CORROBORATED, "asserts ak"),
                c("E sources never corroborate", ENTITY, SINGLE, "a B; b E", "a asserts ak; b asserts ak", SINGLE_LINE),
                c("deriving only from E discounts a good grade", ENTITY, SINGLE, "a E; b A <a", "b asserts nkvd", DISCREDITED),
                c("a retelling weighs no more than its source", ENTITY, SINGLE, "a D; b A <a; c C", "b asserts nkvd; c asserts ak", CONTESTED, "asserts ak"),
                c("deriving from a heavier and a lighter source keeps the heavier cap", ENTITY, SINGLE, "a E; b B; c A <a,b; d B", "c asserts ak; d asserts nkvd", CONTESTED, null),
                c("withdrawn claims do not count", ENTITY, SINGLE, "a B; b B", "a asserts ak; withdrawn b asserts nkvd", SINGLE_LINE, "asserts ak"),
                // value types
                c("dates agree at the coarser precision", DATE, SINGLE, "a B; b B", "a asserts 1945-01; b asserts 1945-01-18", CORROBORATED),
                c("dates of different days conflict", DATE, SINGLE, "a B; b B", "a asserts 1945-01-18; b asserts 1945-01-19", CONTESTED),
                c("a year agrees with a day in it", DATE, SINGLE, "a B; b B", "a asserts 1939; b asserts 1939-09-17", CORROBORATED),
                c("different years conflict", DATE, SINGLE, "a B; b B", "a asserts 1939; b asserts 1940-09", CONTESTED),
                c("overlapping ranges agree", QUANTITY, SINGLE, "a B; b B", "a asserts 3000..7000 persons; b asserts 1475..3000 persons", CORROBORATED),
                c("disjoint ranges conflict", QUANTITY, SINGLE, "a B; b B", "a asserts 600000..800000 troops; b asserts 450000..500000 troops", CONTESTED),
                c("a point inside a range agrees", QUANTITY, SINGLE, "a B; b B", "a asserts 450..450 buildings; b asserts 400..500 buildings", CORROBORATED),
                c("different units never agree", QUANTITY, SINGLE, "a B; b B", "a asserts 3000..7000 persons; b asserts 3000..7000 tanks", CONTESTED),
                c("booleans agree when equal", BOOLEAN, SINGLE, "a B; b C", "a asserts true; b asserts true", CORROBORATED),
                c("intact against destroyed", BOOLEAN, SINGLE, "a D soviet-state; b B", "a asserts true; b asserts false", CONTESTED, "asserts false"),
                c("denying true agrees with asserting false", BOOLEAN, SINGLE, "a B; b B", "a asserts false; b denies true", SINGLE_LINE, "asserts false"),
                c("text agrees ignoring case and diacritics", TEXT, SINGLE, "a B; b B", "a asserts 'Kraków'; b asserts 'KRAKOW'", CORROBORATED),
                c("different texts conflict", TEXT, SINGLE, "a B; b B", "a asserts 'little resistance'; b asserts 'street fighting'", CONTESTED),
                // multiple cardinality
                c("multiple: different values never conflict", ENTITY, MULTIPLE, "a B; b B", "a asserts ak; b asserts nkvd", SINGLE_LINE),
                c("multiple: every value corroborated", ENTITY, MULTIPLE, "a B; b B", "a asserts ak; b asserts ak; a asserts nkvd; b asserts nkvd", CORROBORATED),
                c("multiple: one value corroborated, one single-line", ENTITY, MULTIPLE, "a B; b B", "a asserts ak; b asserts ak; a asserts nkvd", SINGLE_LINE),
                c("multiple: a denied value is contested", ENTITY, MULTIPLE, "a B; b B; c B", "a asserts ak; b asserts nkvd; c denies nkvd", CONTESTED),
                c("multiple: every value discredited", ENTITY, MULTIPLE, "a E; b E", "a asserts ak; b asserts nkvd", DISCREDITED),
                c("multiple: only denials", ENTITY, MULTIPLE, "a B", "a denies ak", DISCREDITED),
                c("multiple: a discounted denial does not contest", ENTITY, MULTIPLE, "a B; b B; c E", "a asserts ak; b asserts ak; c denies ak", CORROBORATED)
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_rules_decide(Case c) {
        Dossier dossier = Given.dossier(Given.defined("p", c.type(), c.cardinality()));
        for (String source : c.sources()) {
            Given.source(witness(source)).forEach(dossier::apply);
        }
        int n = 0;
        List<String> withdrawn = new ArrayList<>();
        for (String claim : c.claims()) {
            boolean gone = claim.startsWith("withdrawn ");
            String spec = gone ? claim.substring("withdrawn ".length()) : claim;
            String[] parts = spec.split(" ", 3);
            String id = parts[0] + "/c" + (n++);
            ClaimContent content = new ClaimContent("p", Stance.fromWire(parts[1]), value(c.type(), parts[2]),
                    null, null, null, null, null, null, null);
            dossier.apply(new ClaimEvent.ClaimRecorded(id, parts[0], content));
            if (gone) {
                withdrawn.add(id);
                dossier.apply(new ClaimEvent.ClaimWithdrawn(id, parts[0], "p", "withdrawn in the case"));
            }
        }
        Verdict verdict = dossier.verdict("p");
        assertThat(verdict.status()).as(String.join("\n", verdict.explanation())).isEqualTo(c.status());
        assertThat(verdict.explanation()).isNotEmpty();
        assertThat(verdict.explanation().get(0)).startsWith(c.status().wire() + ":");
        if (c.leading() != null) {
            assertThat(verdict.leading()).isEqualTo(c.leading());
        }
        if (c.name().startsWith("ties")) {
            assertThat(verdict.leading()).isNull();
            assertThat(verdict.tied()).hasSize(2);
        }
        if (c.lines() != null) {
            assertThat(verdict.lines()).hasSize(c.lines());
        }
        verdict.positions().stream().flatMap(p -> p.lines().stream()).flatMap(l -> l.sources().stream())
                .flatMap(s -> s.claims().stream()).forEach(claim -> assertThat(withdrawn).doesNotContain(claim));
    }

    static Witness witness(String spec) {
        String[] parts = spec.split(" ");
        String origin = null;
        List<String> from = List.of();
        for (int i = 2; i < parts.length; i++) {
            if (parts[i].startsWith("<")) {
                from = List.of(parts[i].substring(1).split(","));
            } else {
                origin = parts[i];
            }
        }
        return new Witness(parts[0], Grade.fromWire(parts[1]), origin, from, PartialDate.parse("1970"));
    }

    static Value value(ValueType type, String text) {
        return switch (type) {
            case ENTITY -> new Value.EntityRef(text);
            case DATE -> new Value.DateValue(PartialDate.parse(text));
            case BOOLEAN -> new Value.Flag(Boolean.parseBoolean(text));
            case TEXT -> new Value.Text(text.replace("'", ""));
            case QUANTITY -> {
                String[] rangeUnit = text.split(" ");
                String[] range = rangeUnit[0].split("\\.\\.");
                yield new Value.Quantity(new BigDecimal(range[0]), new BigDecimal(range[1]), rangeUnit[1]);
            }
        };
    }

}
