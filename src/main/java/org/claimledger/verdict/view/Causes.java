package org.claimledger.verdict.view;

/**
 * What moved a verdict, in the words of the ledger's readers rather than its event classes: the
 * kind ({@code source-assessed}, the vocabulary of the update stream) and a sentence naming the
 * source when something was done to one ("konev-1969-memoir was graded").
 */
public final class Causes {

    private Causes() {
    }

    /** The kind of record that caused a change, as the stream names updates: {@code SourceAssessed} is {@code source-assessed}. */
    public static String kind(String eventKind) {
        if (eventKind == null) {
            return null;
        }
        return eventKind.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The cause as a sentence. */
    public static String words(String eventKind, String source) {
        String who = source == null ? "a source" : source;
        return switch (eventKind == null ? "" : eventKind) {
            case "PropositionDefined" -> "the question was asked";
            case "ClaimRecorded" -> "a claim was recorded";
            case "ClaimRevised" -> "a claim was revised";
            case "ClaimWithdrawn" -> "a claim was withdrawn";
            case "SourceRegistered" -> who + " was registered";
            case "SourceRevised" -> "what is known of " + who + " was corrected";
            case "SourceAssessed" -> who + " was graded";
            case "SourceRetracted" -> who + " was retracted";
            case "SourceReinstated" -> who + " was reinstated";
            default -> eventKind == null ? "" : kind(eventKind).replace('-', ' ');
        };
    }
}
