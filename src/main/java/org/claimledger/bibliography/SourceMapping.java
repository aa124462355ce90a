package org.claimledger.bibliography;

import org.claimledger.common.LanguageTags;
import org.claimledger.common.PartialDate;
import org.claimledger.common.Slugs;
import org.claimledger.source.SourceInput;
import org.claimledger.source.SourceKind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A bibliography's entries as sources: a pure function from CSL-JSON items to the same input a
 * historian types in ({@link SourceInput}, the item kept as its {@code csl}), or the problems of each
 * entry, named by entry and field. Ids come from the citation key, or else from the first author's
 * family name, the year and the title's first words; two entries with one id are a problem.
 */
public final class SourceMapping {

    /** Ids made of a title keep this many of its words. */
    static final int TITLE_WORDS = 4;

    private SourceMapping() {
    }

    /** What a whole file comes to: a source for every entry, or every problem found. */
    public record Result(List<Mapped> sources, List<EntryProblem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** One entry as a source: its id and the source input the API would take. */
    public record Mapped(String entry, String id, SourceInput input) {
    }

    public static Result map(List<BibliographyFile.Item> items) {
        List<Mapped> sources = new ArrayList<>();
        List<EntryProblem> problems = new ArrayList<>();
        Map<String, String> entryById = new HashMap<>();
        for (BibliographyFile.Item item : items) {
            List<EntryProblem> own = new ArrayList<>();
            Optional<Mapped> mapped = map(item, own);
            problems.addAll(own);
            mapped.ifPresent(m -> {
                String earlier = entryById.putIfAbsent(m.id(), m.entry());
                if (earlier != null) {
                    problems.add(new EntryProblem(m.entry(), "id", "gives the id '" + m.id()
                            + "', as entry '" + earlier + "' does: give one of them another citation key"));
                } else {
                    sources.add(m);
                }
            });
        }
        return new Result(sources, problems);
    }

    /** One item as a source; its problems go to {@code problems} (and then there is no source). */
    public static Optional<Mapped> map(BibliographyFile.Item item, List<EntryProblem> problems) {
        Map<String, Object> csl = item.csl();
        String entry = item.entry();
        int before = problems.size();

        String type = text(csl.get("type"));
        SourceKind kind = null;
        if (type == null) {
            problems.add(new EntryProblem(entry, "type", "is required: the item type, such as book or article-journal"));
        } else {
            kind = CslTypes.kindOf(type, text(csl.get("genre"))).orElse(null);
            if (kind == null) {
                problems.add(new EntryProblem(entry, "type", "'" + type + "' is not an item type we know; use one of "
                        + String.join(", ", CslTypes.known())));
            }
        }
        String title = text(csl.get("title"));
        if (title == null) {
            problems.add(new EntryProblem(entry, "title", "is required: every source needs a title"));
        }
        List<String> authors = names(csl.get("author"));
        if (authors.isEmpty()) {
            authors = names(csl.get("editor"));
        }
        PartialDate published = null;
        try {
            published = date(csl.get("issued"));
        } catch (IllegalArgumentException e) {
            problems.add(new EntryProblem(entry, "issued", e.getMessage()));
        }
        String language = null;
        String givenLanguage = text(csl.get("language"));
        if (givenLanguage != null) {
            language = LanguageTags.fromNameOrTag(givenLanguage).orElse(null);
            if (language == null) {
                problems.add(new EntryProblem(entry, "language", "'" + givenLanguage
                        + "' is neither a BCP 47 tag (pl, en-GB) nor a language's English name (Polish)"));
            }
        }
        String id = id(csl, authors, published, title);
        if (id.isEmpty() || !Slugs.isValid(id)) {
            problems.add(new EntryProblem(entry, "id", "no id can be made of its citation key, author, year or title"));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, Object> recorded = new java.util.LinkedHashMap<>(csl);
        return Optional.of(new Mapped(entry, id, new SourceInput(id, title, authors, kind.wire(),
                published == null ? null : published.toString(), language, null, List.of(), citation(csl),
                recorded)));
    }

    /** The id: the citation key slugged, or a slug of the first author's family name, the year and the title. */
    static String id(Map<String, Object> csl, List<String> authors, PartialDate published, String title) {
        String key = text(csl.get("citation-key"));
        if (key == null && csl.get("id") instanceof String s && looksLikeKey(s)) {
            key = s;
        }
        if (key != null) {
            return Slugs.of(key, Slugs.MAX_LENGTH);
        }
        StringBuilder made = new StringBuilder();
        String family = firstFamily(csl.get("author"));
        if (family == null && !authors.isEmpty()) {
            String[] words = authors.get(0).split("\\s+");
            family = words[words.length - 1];
        }
        if (family != null) {
            made.append(family).append(' ');
        }
        if (published != null) {
            made.append(published.year()).append(' ');
        }
        if (title != null) {
            String[] words = title.split("\\s+");
            for (int i = 0; i < Math.min(TITLE_WORDS, words.length); i++) {
                made.append(words[i]).append(' ');
            }
        }
        return Slugs.of(made.toString(), 80);
    }

    /** Zotero's own ids (a number, an item URI) are not citation keys; Better BibTeX's are. */
    private static boolean looksLikeKey(String id) {
        return !id.isBlank() && !id.contains("/") && !id.contains(":") && !id.matches("\\d+")
                && !id.matches("[A-Z0-9]{8}");
    }

    /** The free-text citation: the archive and its locator, the DOI, the URL, as a historian would write them down. */
    static String citation(Map<String, Object> csl) {
        List<String> parts = new ArrayList<>();
        String archive = text(csl.get("archive"));
        String place = text(csl.get("archive-place"));
        String location = text(csl.get("archive_location"));
        if (archive != null || location != null) {
            StringBuilder a = new StringBuilder();
            if (archive != null) {
                a.append(archive);
                if (place != null) {
                    a.append(" (").append(place).append(')');
                }
            }
            if (location != null) {
                a.append(a.length() > 0 ? ", " : "").append(location);
            }
            parts.add(a.toString());
        }
        String doi = text(csl.get("DOI"));
        if (doi != null) {
            parts.add(doi.startsWith("http") ? doi : "https://doi.org/" + doi.replaceFirst("^(?i)doi:\\s*", ""));
        }
        String url = text(csl.get("URL"));
        if (url != null && (doi == null || !url.contains(doi))) {
            parts.add(url);
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    /** A CSL date ({@code date-parts}, or {@code raw}/{@code literal} in the YYYY[-MM[-DD]] form) at the precision given. */
    static PartialDate date(Object issued) {
        if (issued == null) {
            return null;
        }
        if (!(issued instanceof Map<?, ?> date)) {
            if (issued instanceof String s) {
                return PartialDate.parse(s.strip());
            }
            throw new IllegalArgumentException("is not a CSL date ({\"date-parts\": [[1945, 1, 18]]})");
        }
        if (date.get("date-parts") instanceof List<?> ranges && !ranges.isEmpty()) {
            if (!(ranges.get(0) instanceof List<?> parts) || parts.isEmpty()) {
                throw new IllegalArgumentException("date-parts holds no date");
            }
            int[] numbers = new int[Math.min(3, parts.size())];
            for (int i = 0; i < numbers.length; i++) {
                Object p = parts.get(i);
                try {
                    numbers[i] = p instanceof Number n ? n.intValue() : Integer.parseInt(String.valueOf(p).strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + p + "' in date-parts is not a number");
                }
            }
            String text = String.format(Locale.ROOT, "%04d", numbers[0])
                    + (numbers.length > 1 ? String.format(Locale.ROOT, "-%02d", numbers[1]) : "")
                    + (numbers.length > 2 ? String.format(Locale.ROOT, "-%02d", numbers[2]) : "");
            return PartialDate.parse(text);
        }
        for (String key : List.of("raw", "literal")) {
            if (date.get(key) instanceof String s && !s.isBlank()) {
                return PartialDate.parse(s.strip());
            }
        }
        if (date.isEmpty()) {
            return null;
        }
        throw new IllegalArgumentException("is not a CSL date ({\"date-parts\": [[1945, 1, 18]]})");
    }

    /** CSL names as a historian writes them: given name first, or the literal name (an institution). */
    static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> name) {
                    String literal = text(name.get("literal"));
                    String family = text(name.get("family"));
                    String given = text(name.get("given"));
                    String particle = text(name.get("non-dropping-particle"));
                    if (literal != null) {
                        names.add(literal);
                    } else if (family != null) {
                        names.add(((given == null ? "" : given + " ") + (particle == null ? "" : particle + " ")
                                + family).strip());
                    }
                } else if (o instanceof String s && !s.isBlank()) {
                    names.add(s.strip());
                }
            }
        }
        return names;
    }

    private static String firstFamily(Object value) {
        if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> name) {
            String family = text(name.get("family"));
            return family != null ? family : text(name.get("literal"));
        }
        return null;
    }

    static String text(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return s.strip();
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return null;
    }
}
