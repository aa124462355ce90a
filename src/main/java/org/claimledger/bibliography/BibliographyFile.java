package org.claimledger.bibliography;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.undercouch.citeproc.bibtex.BibTeXConverter;
import de.undercouch.citeproc.csl.CSLItemData;
import de.undercouch.citeproc.helper.json.StringJsonBuilderFactory;
import org.jbibtex.BibTeXDatabase;
import org.jbibtex.BibTeXEntry;
import org.jbibtex.Key;
import org.jbibtex.Value;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A bibliography file read into CSL-JSON items, each with the name its entry goes by in messages
 * (its citation key, or its place in the file). CSL-JSON is read as it is (an array of items, or
 * Zotero's web API answer {@code {"items": [...]}}); BibTeX is parsed by jbibtex and turned into CSL
 * by citeproc-java, so both arrive at the mapping in one form.
 */
public final class BibliographyFile {

    /** The two forms a file can come in. */
    public enum Format {
        CSL_JSON, BIBTEX;

        /** The format a Content-Type names, or null. */
        public static Format ofMediaType(String mediaType) {
            if (mediaType == null) {
                return null;
            }
            String type = mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
            return switch (type) {
                case "application/vnd.citationstyles.csl+json", "application/json" -> CSL_JSON;
                case "application/x-bibtex", "text/x-bibtex" -> BIBTEX;
                default -> null;
            };
        }
    }

    /** One entry: the name it goes by in messages, and its CSL-JSON item (keys in the file's order). */
    public record Item(String entry, Map<String, Object> csl) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** BibTeX entry types citeproc-java knows, and BibLaTeX's that we name the CSL type of ourselves. */
    private static final Set<String> BIBTEX_TYPES = Set.of("article", "book", "booklet", "inbook", "incollection",
            "inproceedings", "conference", "manual", "mastersthesis", "phdthesis", "proceedings", "techreport",
            "unpublished", "misc", "online", "electronic", "www", "patent", "periodical", "standard");
    private static final Map<String, String> BIBLATEX_TYPES = Map.of("thesis", "thesis", "report", "report",
            "collection", "book", "letter", "letter", "newspaper", "article-newspaper", "inreference", "entry-encyclopedia",
            "reference", "book", "mvbook", "book");

    private BibliographyFile() {
    }

    public static List<Item> read(String text, Format format) {
        return format == Format.BIBTEX ? bibtex(text) : cslJson(text);
    }

    /** Items of a CSL-JSON file; {@link Malformed} when it is not JSON, or not items. */
    public static List<Item> cslJson(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            throw new Malformed("the file is not valid JSON" + (where == null ? ""
                    : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")")
                    + ": " + e.getOriginalMessage().replaceAll("(?s)\\s*\\(start marker.*$", ""));
        }
        if (root != null && root.isObject() && root.has("items")) {
            root = root.get("items");
        }
        if (root == null || !root.isArray()) {
            throw new Malformed("CSL-JSON is an array of items (or Zotero's {\"items\": [...]}); this file is neither");
        }
        List<Item> items = new ArrayList<>();
        int n = 0;
        for (JsonNode node : root) {
            n++;
            // Zotero's web API wraps each item's CSL in "csljson" when asked for include=csljson
            JsonNode item = node.has("csljson") ? node.get("csljson") : node;
            if (!item.isObject()) {
                throw new Malformed("entry " + n + " is not a CSL-JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> csl = JSON.convertValue(item, LinkedHashMap.class);
            items.add(new Item(label(csl, n), csl));
        }
        if (items.isEmpty()) {
            throw new Malformed("the file holds no entries");
        }
        return items;
    }

    private static final java.util.Set<String> EVENT_TYPES = java.util.Set.of("paper-conference", "speech", "event");

    /** Items of a BibTeX file, converted to CSL by citeproc-java; {@link Malformed} when jbibtex cannot parse it. */
    public static List<Item> bibtex(String text) {
        BibTeXDatabase database;
        try {
            database = new BibTeXConverter().loadDatabase(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (org.jbibtex.ParseException | RuntimeException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new Malformed("the file is not valid BibTeX: " + message);
        }
        BibTeXConverter converter = new BibTeXConverter();
        List<Item> items = new ArrayList<>();
        for (Map.Entry<Key, BibTeXEntry> e : database.getEntries().entrySet()) {
            BibTeXEntry entry = e.getValue();
            String key = e.getKey().getValue();
            String type = entry.getType().getValue().toLowerCase(Locale.ROOT);
            Map<String, Object> csl;
            try {
                CSLItemData data = converter.toItemData(entry);
                // through JSON text, so the item holds JSON values only (the builder's maps hold CSL enums)
                String json = (String) data.toJson(new StringJsonBuilderFactory().createJsonBuilder());
                @SuppressWarnings("unchecked")
                Map<String, Object> converted = JSON.readValue(json, LinkedHashMap.class);
                csl = converted;
            } catch (RuntimeException | JsonProcessingException unconvertible) {
                throw new Malformed("entry '" + key + "' cannot be read: " + unconvertible.getMessage());
            }
            if (BIBLATEX_TYPES.containsKey(type)) {
                csl.put("type", BIBLATEX_TYPES.get(type));
            } else if (!BIBTEX_TYPES.contains(type)) {
                // not a type we know: the mapping names it as the entry's problem
                csl.put("type", type);
            }
            // citeproc-java copies year and address into event-date and event-place for every entry, and
            // Chicago prints an event wherever an item has one ("1975, Kraków" after a book's title):
            // only a talk or a conference paper has an event
            if (!EVENT_TYPES.contains(csl.get("type"))) {
                csl.remove("event-date");
                csl.remove("event-place");
            }
            csl.put("id", key);
            csl.put("citation-key", key);
            for (String field : List.of("language", "langid")) {
                Value value = entry.getField(new Key(field));
                if (value != null && !csl.containsKey("language")) {
                    csl.put("language", value.toUserString().strip());
                }
            }
            for (String field : List.of("doi", "url")) {
                Value value = entry.getField(new Key(field));
                if (value != null && !csl.containsKey(field.toUpperCase(Locale.ROOT))) {
                    csl.put(field.toUpperCase(Locale.ROOT), value.toUserString().strip());
                }
            }
            items.add(new Item(key, csl));
        }
        if (items.isEmpty()) {
            throw new Malformed("the file holds no BibTeX entries (@book{key, ...})");
        }
        return items;
    }

    private static String label(Map<String, Object> csl, int n) {
        for (String key : List.of("citation-key", "id")) {
            if (csl.get(key) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return "#" + n;
    }
}
