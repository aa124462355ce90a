package org.claimledger.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A corpus on disk: {@code <root>/<case>/...yaml}, read into path-to-text maps, one per case. */
public final class CorpusFolder {

    private CorpusFolder() {
    }

    /** Every case of the corpus, by case name, each as its files (paths relative to the corpus root). */
    public static Map<String, Map<String, String>> cases(Path root) {
        Map<String, Map<String, String>> cases = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .forEach(p -> {
                        Path relative = root.relativize(p);
                        String caseName = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                        cases.computeIfAbsent(caseName, k -> new TreeMap<>())
                                .put(relative.toString().replace('\\', '/'), read(p));
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the corpus in " + root, e);
        }
        return cases;
    }

    /** All files of the corpus as one map. */
    public static Map<String, String> all(Path root) {
        Map<String, String> all = new TreeMap<>();
        cases(root).values().forEach(all::putAll);
        return all;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
