package org.claimledger.pages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.claimledger.claim.view.ClaimView;
import org.claimledger.source.view.SourceQueries.SourceBrief;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The proposition page's layout of a verdict document, as a plain object. */
class PropositionSheetTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String VERDICT = """
            {"status":"contested","leading":"asserts ak","positions":[
              {"id":"asserts ak","stance":"asserts","values":[{"entity":"ak"}],"support":0.8,"status":"corroborated",
               "conflictsWith":[],"lines":[{"line":"home-army","weight":0.5,"sources":[
                  {"source":"home-army","grade":"F","weight":0.5,"claims":["home-army/ak-saved-krakow"]}]}],
               "discountedLines":[]},
              {"id":"asserts nkvd","stance":"asserts","values":[{"entity":"nkvd"}],"support":0.3,"status":"contested",
               "conflictsWith":["denies nkvd"],"lines":[{"line":"konev","weight":0.3,"sources":[
                  {"source":"moscow-2007","grade":"E","weight":0.1,"claims":["moscow-2007/nkvd-saved"]},
                  {"source":"soviet-accounts","grade":"D","weight":0.3,"claims":[]}]}],
               "discountedLines":[{"line":"pravda","weight":0.1,"sources":[
                  {"source":"pravda","grade":"E","weight":0.1,"claims":[]}]}]}],
             "lines":[{"id":"konev","sources":["moscow-2007","soviet-accounts"],
                       "mergedBecause":["shared origin soviet-state: moscow-2007, soviet-accounts"]},
                      {"id":"home-army","sources":["home-army"],"mergedBecause":[]},
                      {"id":"pravda","sources":["pravda"],"mergedBecause":[]}],
             "explanation":["contested: a value is asserted and denied, each side keeping a line"]}""";

    @Test
    void positions_come_with_their_lines_sources_quotes_and_the_reasons_for_merging_and_discounting() throws Exception {
        JsonNode verdict = JSON.readTree(VERDICT);
        ClaimView quoted = new ClaimView("moscow-2007/nkvd-saved", "moscow-2007", "krakow-1945/demolition-prevented-by",
                "asserts", JSON.readTree("{\"entity\":\"nkvd\"}"), "para. 12", "Op 10 mei 2007 werden ...", "nl",
                "On 10 May 2007 ...", "slag-om-krakow", null, null, false, null, null, 0, Instant.EPOCH, "corpus-import",
                Instant.EPOCH);
        Map<String, SourceBrief> sources = Map.of("moscow-2007", new SourceBrief("moscow-2007", "Honours, Moscow 2007",
                List.of(), "state-statement", "2007-05-10", "ru", "soviet-state", "E", "unreliable"));
        PropositionSheet sheet = PropositionSheet.of(verdict, Map.of(quoted.id(), quoted), sources,
                WordingTest.NAMES, null);

        assertThat(sheet.statusText()).isEqualTo("Contested");
        assertThat(sheet.leading()).isEqualTo("Home Army");
        assertThat(sheet.positions()).extracting(PropositionSheet.PositionCard::heading).containsExactly("Home Army", "NKVD");
        assertThat(sheet.positions().get(0).leading()).isTrue();
        assertThat(sheet.positions().get(0).supportPercent()).isEqualTo(80);

        PropositionSheet.PositionCard nkvd = sheet.positions().get(1);
        assertThat(nkvd.conflictsWith()).containsExactly("not NKVD");
        PropositionSheet.LineCard line = nkvd.lines().get(0);
        assertThat(line.mergedBecause()).containsExactly("shared origin soviet-state: moscow-2007, soviet-accounts");
        assertThat(line.sources()).extracting(PropositionSheet.SourceCard::title)
                .containsExactly("Honours, Moscow 2007", "soviet-accounts"); // an unknown source is named by its id
        PropositionSheet.SourceCard moscow = line.sources().get(0);
        assertThat(moscow.kind()).isEqualTo("state statement");
        assertThat(moscow.claims()).singleElement().satisfies(c -> {
            assertThat(c.quoteLanguage()).isEqualTo("nl");
            assertThat(c.value()).isEqualTo("NKVD");
            assertThat(c.translation()).startsWith("On 10 May 2007");
        });
        assertThat(line.discounted()).isFalse();
        assertThat(line.discountReason()).isEmpty();
        assertThat(nkvd.discounted()).singleElement().satisfies(d -> {
            assertThat(d.discounted()).isTrue();
            assertThat(d.discountReason()).contains("0.1 or less").contains("graded E");
        });
        assertThat(PropositionSheet.sourceIds(verdict)).containsExactly("moscow-2007", "soviet-accounts", "home-army", "pravda");
        assertThat(PropositionSheet.entityIds(verdict)).containsExactly("ak", "nkvd");
    }

    @Test
    void the_two_sides_of_a_conflict_stand_next_to_each_other() throws Exception {
        JsonNode verdict = JSON.readTree("""
                {"status":"contested","leading":"asserts ak","positions":[
                  {"id":"asserts ak","stance":"asserts","support":0.8,"conflictsWith":[]},
                  {"id":"denies nkvd","stance":"denies","support":0.6,"conflictsWith":["asserts nkvd"]},
                  {"id":"asserts red-army","stance":"asserts","support":0.5,"conflictsWith":[]},
                  {"id":"asserts nkvd","stance":"asserts","support":0.3,"conflictsWith":["denies nkvd"]}],
                 "lines":[],"explanation":[]}""");
        assertThat(PropositionSheet.of(verdict, Map.of(), Map.of(), WordingTest.NAMES, null).positions())
                .extracting(PropositionSheet.PositionCard::heading)
                .containsExactly("Home Army", "not NKVD", "NKVD", "red-army");
    }

    @Test
    void a_verdict_with_no_position_lays_out_empty() throws Exception {
        PropositionSheet sheet = PropositionSheet.of(JSON.readTree("{\"status\":\"unattested\",\"positions\":[],"
                + "\"lines\":[],\"explanation\":[\"unattested: no live claims\"]}"), Map.of(), Map.of(), WordingTest.NAMES, 1970);
        assertThat(sheet.positions()).isEmpty();
        assertThat(sheet.leading()).isNull();
        assertThat(sheet.year()).isEqualTo(1970);
        assertThat(sheet.statusMeaning()).contains("No live claim");
    }
}
