package org.claimledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Quotes and translations for the search benchmark, in the corpus's languages: a few hundred common
 * words of each (real ones first, then made-up words built from the language's syllables), drawn with a
 * skew like natural text's (a few words very often, most rarely). Deterministic for a seed.
 */
final class SyntheticTexts {

    static final String[] LANGUAGES = {"pl", "ru", "nl", "de", "en"};

    private static final String[][] COMMON = {
            {"miasto", "mieście", "miasta", "armia", "krajowa", "most", "mosty", "wojsko", "niemcy", "rozminowano",
                    "ocalili", "żołnierze", "kraków", "krakowa", "wysadzenie", "rozkaz", "generał", "oddział", "ludzie", "dzień"},
            {"город", "города", "армия", "мост", "мосты", "войска", "краков", "спасён", "разрушения", "немцы",
                    "приказ", "генерал", "отряд", "люди", "день", "взрыв", "наши", "советские", "фронт", "освобождение"},
            {"stad", "steden", "bevrijd", "bevrijding", "leger", "brug", "bruggen", "soldaten", "duitsers", "krakau",
                    "intact", "blij", "bevel", "generaal", "mensen", "dag", "explosie", "front", "oorlog", "verzet"},
            {"stadt", "städte", "armee", "brücke", "brücken", "soldaten", "krakau", "befehl", "sprengung", "general",
                    "menschen", "tag", "front", "krieg", "befreiung", "truppen", "rückzug", "zerstörung", "heimat", "widerstand"},
            {"city", "army", "bridge", "bridges", "soldiers", "germans", "kraków", "saved", "demined", "destruction",
                    "order", "general", "unit", "people", "day", "explosion", "front", "liberation", "home", "troops"}};

    private static final String[][] SYLLABLES = {
            {"prz", "ow", "ie", "sz", "cz", "ka", "ło", "wy", "ną", "rz", "ść", "go", "mi", "ta"},
            {"ра", "ло", "ски", "ов", "ни", "ка", "ть", "ной", "про", "ве", "ми", "ст"},
            {"ver", "ge", "lijk", "heid", "ing", "en", "oor", "sch", "aa", "ten", "wij", "de"},
            {"ver", "ge", "ung", "keit", "lich", "schaft", "en", "ei", "st", "ach", "über", "zu"},
            {"con", "tion", "ing", "ed", "re", "ment", "al", "ous", "ly", "ter", "pro", "ist"}};

    static final int VOCABULARY = 3000;

    private final List<List<String>> words = new ArrayList<>();

    SyntheticTexts() {
        Random random = new Random(11);
        for (int l = 0; l < LANGUAGES.length; l++) {
            List<String> vocabulary = new ArrayList<>(List.of(COMMON[l]));
            while (vocabulary.size() < VOCABULARY) {
                StringBuilder w = new StringBuilder();
                int n = 2 + random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    w.append(SYLLABLES[l][random.nextInt(SYLLABLES[l].length)]);
                }
                vocabulary.add(w.toString());
            }
            words.add(vocabulary);
        }
    }

    /** A word of the language, common ones far more often than rare ones. */
    String word(int language, Random random) {
        double r = random.nextDouble();
        return words.get(language).get((int) (VOCABULARY * r * r * r));
    }

    String sentence(int language, Random random, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                s.append(i % 7 == 6 ? ", " : " ");
            }
            s.append(word(language, random));
        }
        return s.append('.').toString();
    }

    static int english() {
        return LANGUAGES.length - 1;
    }
}
