package org.claimledger.source;

import org.claimledger.common.Checks;
import org.claimledger.common.PartialDate;

import java.util.List;

/**
 * A source as a client writes it (over HTTP or in a corpus file): plain strings, checked all at
 * once before they become {@link SourceDetails}.
 */
public record SourceInput(
        String id,
        String title,
        List<String> authors,
        String kind,
        String published,
        String language,
        String origin,
        List<String> derivedFrom,
        String citation,
        java.util.Map<String, Object> csl) {

    /** The bibliographic record may be this long at most, as JSON text. */
    public static final int MAX_CSL_CHARS = 20_000;

    /** A source typed in field by field, with no CSL item. */
    public SourceInput(String id, String title, List<String> authors, String kind, String published, String language,
                       String origin, List<String> derivedFrom, String citation) {
        this(id, title, authors, kind, published, language, origin, derivedFrom, citation, null);
    }

    public SourceDetails details(Checks checks) {
        String t = checks.text("title", title, true, Checks.MAX_SHORT_TEXT);
        List<String> a = new java.util.ArrayList<>();
        if (authors != null) {
            for (int i = 0; i < authors.size(); i++) {
                a.add(checks.text("authors[" + i + "]", authors.get(i), true, Checks.MAX_SHORT_TEXT));
            }
        }
        SourceKind k = checks.oneOf("kind", SourceKind.class, kind, true);
        PartialDate p = checks.parsed("published", published, false, PartialDate::parse);
        String lang = checks.language("language", language, false);
        String o = checks.slug("origin", origin, false);
        List<String> d = checks.slugs("derivedFrom", derivedFrom);
        if (id != null && d.contains(id)) {
            checks.fail("derivedFrom", "a source cannot derive from itself");
        }
        String c = checks.text("citation", citation, false, Checks.MAX_LONG_TEXT);
        if (csl != null && csl.toString().length() > MAX_CSL_CHARS) {
            checks.fail("csl", "is too long: at most " + MAX_CSL_CHARS + " characters of CSL-JSON");
        }
        if (csl != null && csl.get("type") != null && !(csl.get("type") instanceof String)) {
            checks.fail("csl.type", "must be a CSL item type such as book or article-journal");
        }
        return new SourceDetails(t, a, k, p, lang, o, d, c, csl == null || csl.isEmpty() ? null : csl);
    }

    /** The command to register this source, or a rejection listing every bad field. */
    public SourceCommand.RegisterSource toRegister() {
        Checks checks = new Checks();
        checks.slug("id", id, true);
        SourceDetails details = details(checks);
        checks.throwIfAny();
        return new SourceCommand.RegisterSource(id, details);
    }
}
