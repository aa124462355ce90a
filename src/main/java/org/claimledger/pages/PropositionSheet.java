package org.claimledger.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.claimledger.claim.view.ClaimView;
import org.claimledger.source.view.SourceQueries.SourceBrief;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A proposition's verdict laid out for reading: the positions side by side, each with its lines of
 * testimony, their sources and the exact quotes; why sources were merged into one line or a line
 * discounted; support as a figure and a bar. Built from the verdict document the API gives, so the
 * page and the API cannot disagree.
 */
public record PropositionSheet(String status, String statusText, String statusMeaning, String leading,
                               List<PositionCard> positions, List<String> explanation, Integer year,
                               List<LeftOut> undatedLeftOut, List<LeftOut> laterLeftOut) {

    /** A source a source-time view could not hear: undated, or published after the year. */
    public record LeftOut(String id, String title) {
    }

    /** A position with what supports it. */
    public record PositionCard(String id, String heading, String stance, String status, String statusText,
                               int supportPercent, String support, boolean leading, List<String> conflictsWith,
                               List<LineCard> lines, List<LineCard> discounted) {
        public int lineCount() {
            return lines.size();
        }
    }

    /** A line of testimony: one or more sources that count as one voice, and why they were merged. */
    public record LineCard(String id, String weight, List<SourceCard> sources, List<String> mergedBecause,
                           boolean discounted) {
        public String discountReason() {
            return discounted ? "Discounted: its weight, " + weight + ", is 0.1 or less (its sources are graded E, "
                    + "or derive only from sources graded E). It is shown, but it decides nothing." : "";
        }
    }

    /** A source as it testifies for a position. */
    public record SourceCard(String id, String title, String kind, String origin, String published, String grade,
                             String gradeMeaning, String weight, List<ClaimCard> claims, Retracted retracted) {
    }

    /** A source's retraction as the page tells it: why, when it was published, who recorded it. */
    public record Retracted(String reason, String date, String recordedBy) {
    }

    /** A claim with its exact words, in their own language, and the translation beside them. */
    public record ClaimCard(String id, String stance, String value, String locator, String quote,
                            String quoteLanguage, String translation, String via, String note, String recordedBy) {
        static ClaimCard of(ClaimView c, Function<String, String> entityName) {
            return new ClaimCard(c.id(), c.stance(), Wording.value(c.value(), entityName), c.locator(), c.quote(),
                    c.quoteLanguage(), c.translation(), c.via(), c.note(), c.recordedBy());
        }
    }

    /**
     * @param verdict    the verdict document ({@code status}, {@code leading}, {@code positions}, {@code lines},
     *                   {@code explanation})
     * @param claims     the claims it was decided from, by id
     * @param sources    the sources that testify, by id
     * @param entityName an entity's name by its id
     */
    public static PropositionSheet of(JsonNode verdict, Map<String, ClaimView> claims, Map<String, SourceBrief> sources,
                                      Function<String, String> entityName, Integer year) {
        Map<String, List<String>> mergedBecause = new LinkedHashMap<>();
        for (JsonNode line : verdict.path("lines")) {
            List<String> reasons = new ArrayList<>();
            line.path("mergedBecause").forEach(r -> reasons.add(r.asText()));
            mergedBecause.put(line.path("id").asText(), reasons);
        }
        String leading = verdict.path("leading").asText(null);
        List<PositionCard> positions = new ArrayList<>();
        Map<String, List<String>> conflictIds = new LinkedHashMap<>();
        for (JsonNode p : verdict.path("positions")) {
            String id = p.path("id").asText();
            List<String> conflicts = new ArrayList<>();
            p.path("conflictsWith").forEach(c -> {
                conflictIds.computeIfAbsent(id, k -> new ArrayList<>()).add(c.asText());
                conflicts.add(Wording.position(c.asText(), entityName));
            });
            String status = p.path("status").asText(null);
            positions.add(new PositionCard(id, Wording.position(id, entityName), p.path("stance").asText(), status,
                    Wording.status(status), Wording.percent(p.path("support").asDouble()),
                    Wording.figure(p.path("support").asDouble()), id.equals(leading), conflicts,
                    lines(p.path("lines"), false, mergedBecause, claims, sources, entityName),
                    lines(p.path("discountedLines"), true, mergedBecause, claims, sources, entityName)));
        }
        List<String> explanation = new ArrayList<>();
        positions = besideTheirConflicts(positions, conflictIds);
        verdict.path("explanation").forEach(e -> explanation.add(e.asText()));
        String status = verdict.path("status").asText();
        JsonNode sourceTime = verdict.path("sourceTime");
        return new PropositionSheet(status, Wording.status(status), Wording.statusMeaning(status),
                leading == null ? null : Wording.position(leading, entityName), positions, explanation, year,
                leftOut(sourceTime.path("undatedSourcesLeftOut"), sources),
                leftOut(sourceTime.path("laterSourcesLeftOut"), sources));
    }

    private static List<LeftOut> leftOut(JsonNode ids, Map<String, SourceBrief> sources) {
        List<LeftOut> out = new ArrayList<>();
        ids.forEach(id -> {
            SourceBrief brief = sources.get(id.asText());
            out.add(new LeftOut(id.asText(), brief == null ? id.asText() : brief.title()));
        });
        return out;
    }

    /**
     * Positions in order of support, each followed at once by those it conflicts with, so that the
     * two sides of a dispute stand next to each other.
     */
    private static List<PositionCard> besideTheirConflicts(List<PositionCard> bySupport,
                                                           Map<String, List<String>> conflicts) {
        Map<String, PositionCard> byId = new LinkedHashMap<>();
        bySupport.forEach(p -> byId.put(p.id(), p));
        List<PositionCard> ordered = new ArrayList<>();
        java.util.Set<String> placed = new java.util.HashSet<>();
        for (PositionCard p : bySupport) {
            if (placed.add(p.id())) {
                ordered.add(p);
                for (String other : conflicts.getOrDefault(p.id(), List.of())) {
                    if (byId.containsKey(other) && placed.add(other)) {
                        ordered.add(byId.get(other));
                    }
                }
            }
        }
        return ordered;
    }

    private static List<LineCard> lines(JsonNode lines, boolean discounted, Map<String, List<String>> mergedBecause,
                                        Map<String, ClaimView> claims, Map<String, SourceBrief> sources,
                                        Function<String, String> entityName) {
        List<LineCard> out = new ArrayList<>();
        for (JsonNode line : lines) {
            List<SourceCard> cards = new ArrayList<>();
            for (JsonNode s : line.path("sources")) {
                String sourceId = s.path("source").asText();
                SourceBrief brief = sources.get(sourceId);
                List<ClaimCard> said = new ArrayList<>();
                s.path("claims").forEach(c -> {
                    ClaimView claim = claims.get(c.asText());
                    if (claim != null) {
                        said.add(ClaimCard.of(claim, entityName));
                    }
                });
                cards.add(new SourceCard(sourceId, brief == null ? sourceId : brief.title(),
                        brief == null ? "" : Wording.words(brief.kind()), brief == null ? "" : Wording.words(brief.origin()),
                        brief == null ? null : brief.published(), s.path("grade").asText(),
                        brief == null ? "" : brief.gradeMeaning(), Wording.figure(s.path("weight").asDouble()), said,
                        s.has("retraction") ? new Retracted(s.path("retraction").path("reason").asText(),
                                s.path("retraction").path("date").asText(),
                                s.path("retraction").path("recordedBy").asText(null)) : null));
            }
            String id = line.path("line").asText();
            out.add(new LineCard(id, Wording.figure(line.path("weight").asDouble()), cards,
                    mergedBecause.getOrDefault(id, List.of()), discounted));
        }
        return out;
    }

    /** The source ids a verdict document names (the sources a source-time view left out too), to read in one go. */
    public static List<String> sourceIds(JsonNode verdict) {
        List<String> ids = new ArrayList<>();
        verdict.path("lines").forEach(l -> l.path("sources").forEach(s -> ids.add(s.asText())));
        verdict.path("sourceTime").path("undatedSourcesLeftOut").forEach(s -> ids.add(s.asText()));
        verdict.path("sourceTime").path("laterSourcesLeftOut").forEach(s -> ids.add(s.asText()));
        return ids;
    }

    /** The claims a verdict counts, by id. */
    public static java.util.Set<String> claimIds(JsonNode verdict) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        verdict.path("positions").forEach(p -> {
            for (String lines : List.of("lines", "discountedLines")) {
                p.path(lines).forEach(l -> l.path("sources").forEach(s -> s.path("claims").forEach(c -> ids.add(c.asText()))));
            }
        });
        return ids;
    }

    /** The entity ids a verdict's positions name. */
    public static List<String> entityIds(JsonNode verdict) {
        List<String> ids = new ArrayList<>();
        verdict.path("positions").forEach(p -> {
            p.path("values").forEach(v -> {
                if (v.has("entity")) {
                    ids.add(v.get("entity").asText());
                }
            });
        });
        return ids;
    }
}
