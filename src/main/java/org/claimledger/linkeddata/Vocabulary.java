package org.claimledger.linkeddata;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The vocabularies the ledger speaks in linked data (ADR 16): PROV-O for where a source or claim
 * comes from and who recorded it, schema.org for claims and the verdicts as ClaimReviews (as
 * fact-checkers and search engines read them), Dublin Core terms for a source's description, OWL
 * for the link to Wikidata, RDFS for labels. Terms are named here and nowhere else.
 */
public final class Vocabulary {

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    /** schema.org as its own JSON-LD context expands it (http, not https). */
    public static final String SCHEMA = "http://schema.org/";
    public static final String WIKIDATA = "http://www.wikidata.org/entity/";

    /** Prefixes, in the order Turtle and the JSON-LD context list them. */
    public static final Map<String, String> PREFIXES;

    static {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("prov", PROV);
        p.put("schema", SCHEMA);
        p.put("dcterms", DCTERMS);
        p.put("owl", OWL);
        p.put("rdfs", RDFS);
        p.put("rdf", RDF);
        p.put("xsd", XSD);
        p.put("wd", WIKIDATA);
        PREFIXES = java.util.Collections.unmodifiableMap(p);
    }

    public static final String TYPE = RDF + "type";
    public static final String VALUE = RDF + "value";
    public static final String LABEL = RDFS + "label";
    public static final String COMMENT = RDFS + "comment";
    public static final String SAME_AS = OWL + "sameAs";

    public static final String PROV_ENTITY = PROV + "Entity";
    public static final String PROV_ACTIVITY = PROV + "Activity";
    public static final String PROV_AGENT = PROV + "Agent";
    public static final String WAS_DERIVED_FROM = PROV + "wasDerivedFrom";
    public static final String WAS_ATTRIBUTED_TO = PROV + "wasAttributedTo";
    public static final String GENERATED_AT_TIME = PROV + "generatedAtTime";
    public static final String WAS_INVALIDATED_BY = PROV + "wasInvalidatedBy";
    public static final String INVALIDATED_AT_TIME = PROV + "invalidatedAtTime";
    public static final String WAS_ASSOCIATED_WITH = PROV + "wasAssociatedWith";
    public static final String ENDED_AT_TIME = PROV + "endedAtTime";

    public static final String TITLE = DCTERMS + "title";
    public static final String CREATOR = DCTERMS + "creator";
    public static final String ISSUED = DCTERMS + "issued";
    public static final String LANGUAGE = DCTERMS + "language";
    public static final String DC_TYPE = DCTERMS + "type";
    public static final String CITATION = DCTERMS + "bibliographicCitation";
    public static final String DATE = DCTERMS + "date";
    public static final String IDENTIFIER = DCTERMS + "identifier";

    public static final String CREATIVE_WORK = SCHEMA + "CreativeWork";
    public static final String CLAIM = SCHEMA + "Claim";
    public static final String CLAIM_REVIEW = SCHEMA + "ClaimReview";
    public static final String RATING = SCHEMA + "Rating";
    public static final String THING = SCHEMA + "Thing";
    public static final String ORGANIZATION = SCHEMA + "Organization";
    public static final String ABOUT = SCHEMA + "about";
    public static final String APPEARANCE = SCHEMA + "appearance";
    public static final String TEXT = SCHEMA + "text";
    public static final String NAME = SCHEMA + "name";
    public static final String ALTERNATE_NAME = SCHEMA + "alternateName";
    public static final String ITEM_REVIEWED = SCHEMA + "itemReviewed";
    public static final String REVIEW_RATING = SCHEMA + "reviewRating";
    public static final String REVIEW_BODY = SCHEMA + "reviewBody";
    public static final String DATE_PUBLISHED = SCHEMA + "datePublished";
    public static final String AUTHOR = SCHEMA + "author";
    public static final String URL = SCHEMA + "url";

    public static final String DATE_TIME = XSD + "dateTime";
    public static final String XSD_DATE = XSD + "date";
    public static final String G_YEAR = XSD + "gYear";
    public static final String G_YEAR_MONTH = XSD + "gYearMonth";

    private Vocabulary() {
    }

    /** {@code prov:Entity} for a full IRI in one of the prefixes, else null. */
    public static String compact(String iri) {
        for (Map.Entry<String, String> p : PREFIXES.entrySet()) {
            if (iri.startsWith(p.getValue())) {
                String local = iri.substring(p.getValue().length());
                if (local.matches("[A-Za-z][A-Za-z0-9_-]*|Q[0-9]+")) {
                    return p.getKey() + ":" + local;
                }
            }
        }
        return null;
    }
}
