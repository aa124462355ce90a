package org.claimledger.pages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.claimledger.common.Checks;
import org.claimledger.entity.view.EntityQueries;
import org.claimledger.stream.UpdateLog;
import org.claimledger.verdict.Status;
import org.claimledger.verdict.view.VerdictQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The dispute board: what is contested first, then the rest by status, with filters and paging. */
@Path("/")
@Tag(name = "Pages")
public class BoardPage {

    static final int PAGE_SIZE = 25;

    /** What the board is filtered by; empty fields filter nothing. */
    public record Filter(String status, String subject, String q, String lang) {
        /** The query string that repeats this filter (without the cursor). */
        public String query() {
            StringBuilder out = new StringBuilder();
            add(out, "status", status);
            add(out, "subject", subject);
            add(out, "q", q);
            add(out, "lang", lang);
            return out.toString();
        }

        public boolean any() {
            return status != null || subject != null || q != null || lang != null;
        }

        private static void add(StringBuilder out, String name, String value) {
            if (value != null) {
                out.append(out.isEmpty() ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** One proposition on the board: the question, its status, and the leading positions. */
    public record Row(String id, String label, String status, String statusText, String leading, int liveClaims,
                      List<Side> sides) {
    }

    /** A position in brief: what it says, how many independent lines back it, its support. */
    public record Side(String heading, String stance, int lines, int discountedLines, int supportPercent,
                       boolean leading) {
    }

    /** A subject to filter by: its id, and the name a reader knows it by. */
    public record Subject(String id, String name) {
    }

    /** The board's data. */
    public record Board(Filter filter, List<Row> rows, String next, boolean first, List<String> statuses,
                        List<Subject> subjects, List<String> languages, String liveFrom) {
        public String nextHref() {
            String query = filter.query();
            return "/?" + (query.isEmpty() ? "" : query + "&") + "cursor=" + next;
        }

        public String liveUrl() {
            return "/api/streams/claims?from=" + liveFrom;
        }

        public String rowsUrl() {
            String query = filter.query();
            return "/?" + (query.isEmpty() ? "" : query + "&") + "part=rows";
        }
    }

    @Inject
    VerdictQueries verdicts;

    @Inject
    EntityQueries entities;

    @Inject
    UpdateLog updates;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The dispute board (HTML): contested propositions first; filters status, subject, q, lang")
    public TemplateInstance board(@QueryParam("status") String status, @QueryParam("subject") String subject,
                                  @QueryParam("q") String q, @QueryParam("lang") String lang,
                                  @QueryParam("cursor") String cursor, @QueryParam("part") String part) {
        Checks checks = new Checks();
        Status s = checks.oneOf("status", Status.class, blankToNull(status), false);
        checks.slug("subject", blankToNull(subject), false);
        checks.text("q", blankToNull(q), false, 200);
        checks.language("lang", blankToNull(lang), false);
        checks.throwIfAny();
        Filter filter = new Filter(s == null ? null : s.wire(), blankToNull(subject), blankToNull(q), blankToNull(lang));
        // the stream's head before the rows are read: a change made in between is heard, not missed
        String liveFrom = updates.head().id();
        VerdictQueries.Page page = verdicts.board(filter.status(), filter.subject(), filter.q(), filter.lang(),
                PAGE_SIZE, blankToNull(cursor));
        if ("rows".equals(part)) {
            // a live redraw asks for the rows alone: the filters' choices are neither read nor drawn
            return Templates.board$rows(new Board(filter, rows(page.items()), page.next(), cursor == null,
                    List.of(), List.of(), List.of(), liveFrom));
        }
        return Templates.board(new Board(filter, rows(page.items()), page.next(), cursor == null,
                VerdictQueries.BOARD_ORDER, subjects(), verdicts.sourceLanguages(), liveFrom));
    }

    /** The subjects to filter by, by the names readers know them by, in alphabetical order. */
    private List<Subject> subjects() {
        List<String> ids = verdicts.subjects();
        Function<String, String> name = Names.of(entities.entities(ids));
        return ids.stream().map(id -> new Subject(id, name.apply(id)))
                .sorted(java.util.Comparator.comparing(Subject::name, java.text.Collator.getInstance(java.util.Locale.ROOT)))
                .toList();
    }

    private List<Row> rows(List<VerdictQueries.Summary> items) {
        Set<String> named = new HashSet<>();
        items.forEach(i -> i.positions().forEach(p -> {
            String entity = Wording.entityOf(p.path("id").asText());
            if (entity != null) {
                named.add(entity);
            }
        }));
        Function<String, String> name = Names.of(entities.entities(named));
        List<Row> rows = new ArrayList<>();
        for (VerdictQueries.Summary item : items) {
            List<Side> sides = new ArrayList<>();
            for (JsonNode p : item.positions()) {
                String id = p.path("id").asText();
                sides.add(new Side(Wording.position(id, name), p.path("stance").asText(), p.path("lines").asInt(),
                        p.path("discountedLines").asInt(), Wording.percent(p.path("support").asDouble()),
                        id.equals(item.leading())));
            }
            rows.add(new Row(item.id(), item.label() == null ? item.id() : item.label(), item.status(),
                    Wording.status(item.status()), item.leading() == null ? null : Wording.position(item.leading(), name),
                    item.liveClaims(), sides.size() > 4 ? sides.subList(0, 4) : sides));
        }
        return rows;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
