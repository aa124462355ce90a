package org.claimledger.bibliography;

import de.undercouch.citeproc.CSL;
import de.undercouch.citeproc.ItemDataProvider;
import de.undercouch.citeproc.csl.CSLItemData;
import org.claimledger.common.PartialDate;
import org.claimledger.source.SourceDetails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Citations in Chicago author-date, rendered by citeproc-java from a source's CSL data: the item it
 * was recorded with, or for a source typed in by hand (the seed corpus) an item made of its own
 * fields, so every source can be cited. Rendered once per write of a source and kept in its read
 * model, never per request (a style takes milliseconds to apply, and a page names many sources).
 */
public final class ChicagoCitations {

    public static final String STYLE = "chicago-author-date";

    /** One rendered citation: plain text and HTML. */
    public record Rendered(String text, String html) {
    }

    private static final Pattern DOI = Pattern.compile("(?:https?://(?:dx\\.)?doi\\.org/|doi:\\s*)(10\\.\\d{4,9}/\\S+)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private static final ChicagoCitations INSTANCE = new ChicagoCitations();

    private final OneItem items = new OneItem();
    private CSL csl;

    private ChicagoCitations() {
    }

    /** The source's citation, rendered from its CSL item or from its own fields. */
    public static Rendered render(String sourceId, SourceDetails details) {
        return INSTANCE.renderItem(itemOf(sourceId, details));
    }

    /** The CSL item a source is cited from: the one recorded with it, or one made of its fields. */
    public static Map<String, Object> itemOf(String sourceId, SourceDetails details) {
        Map<String, Object> item = details.bibliography() != null
                ? new LinkedHashMap<>(details.bibliography()) : madeOf(details);
        item.put("id", sourceId);
        return item;
    }

    /** An item for a source with no bibliographic record: title, authors, kind, date, language, links. */
    static Map<String, Object> madeOf(SourceDetails d) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("type", CslTypes.typeOf(d.kind()));
        item.put("title", d.title());
        List<Map<String, Object>> authors = new ArrayList<>();
        for (String name : d.authors()) {
            String[] words = name.strip().split("\\s+");
            if (words.length < 2) {
                authors.add(Map.of("literal", name.strip()));
            } else {
                authors.add(Map.of("family", words[words.length - 1],
                        "given", String.join(" ", java.util.Arrays.copyOf(words, words.length - 1))));
            }
        }
        if (!authors.isEmpty()) {
            item.put("author", authors);
        }
        if (d.published() != null) {
            item.put("issued", Map.of("date-parts", List.of(dateParts(d.published()))));
        }
        if (d.language() != null) {
            item.put("language", d.language());
        }
        if (d.citation() != null) {
            Matcher doi = DOI.matcher(d.citation());
            if (doi.find()) {
                item.put("DOI", trimmed(doi.group(1)));
            } else {
                Matcher url = URL.matcher(d.citation());
                if (url.find()) {
                    item.put("URL", trimmed(url.group()));
                }
            }
        }
        return item;
    }

    private static String trimmed(String link) {
        return link.replaceAll("[.,;:)\\]]+$", "");
    }

    private static List<Integer> dateParts(PartialDate date) {
        List<Integer> parts = new ArrayList<>();
        parts.add(date.year());
        if (date.month() != null) {
            parts.add(date.month());
        }
        if (date.day() != null) {
            parts.add(date.day());
        }
        return parts;
    }

    private synchronized Rendered renderItem(Map<String, Object> item) {
        try {
            if (csl == null) {
                csl = new CSL(items, STYLE);
            }
            items.item = CSLItemData.fromJson(item);
            // one processor, its format switched per rendering (two processors shared their output format)
            String text = once(csl, "text", items.item.getId()).strip();
            return new Rendered(text, htmlEntry(once(csl, "html", items.item.getId())));
        } catch (IOException e) {
            throw new UncheckedIOException("the Chicago author-date style cannot be read", e);
        }
    }

    private static String once(CSL csl, String format, String id) {
        csl.reset();
        csl.setOutputFormat(format);
        csl.registerCitationItems(id);
        String[] entries = csl.makeBibliography().getEntries();
        return entries.length == 0 ? "" : entries[0];
    }

    /** The entry's own markup, without the csl-entry div around it. */
    private static String htmlEntry(String entry) {
        return entry.strip().replaceFirst("^<div class=\"csl-entry\">", "").replaceFirst("</div>$", "").strip();
    }

    /** Serves the one item being rendered. */
    private static final class OneItem implements ItemDataProvider {
        CSLItemData item;

        @Override
        public CSLItemData retrieveItem(String id) {
            return item != null && item.getId().equals(id) ? item : null;
        }

        @Override
        public java.util.Collection<String> getIds() {
            return item == null ? List.of() : List.of(item.getId());
        }
    }
}
