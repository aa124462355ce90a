package org.claimledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The figures of one benchmark run: printed as a table as they come, written as JSON at the end. */
final class Report {

    /**
     * One measured figure, with the floor it is compared to (a figure of the same run) and their
     * ratio, and the target it is held to, if any.
     */
    record Figure(String section, String name, double value, String unit, String floor, Double floorValue,
                  Double ratio, String target, Boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final Map<String, Object> setup = new LinkedHashMap<>();

    void setup(String key, Object value) {
        setup.put(key, value);
        System.out.printf("# %s: %s%n", key, value);
    }

    Figure add(String section, String name, double value, String unit) {
        return add(new Figure(section, name, value, unit, null, null, null, null, null));
    }

    /** A figure against its floor: ratio = value / floor. */
    Figure against(String section, String name, double value, String unit, String floor, double floorValue,
                   String target, Boolean met) {
        return add(new Figure(section, name, value, unit, floor, floorValue, value / floorValue, target, met));
    }

    Figure add(Figure f) {
        figures.add(f);
        System.out.println(row(f));
        return f;
    }

    static String header() {
        return String.format(Locale.ROOT, "| %-10s | %-52s | %14s | %-44s | %7s | %-30s | %-4s |",
                "part", "figure", "value", "floor (same run)", "ratio", "target", "met");
    }

    static String row(Figure f) {
        String floor = f.floor() == null ? "" : f.floor() + " " + num(f.floorValue());
        return String.format(Locale.ROOT, "| %-10s | %-52s | %14s | %-44s | %7s | %-30s | %-4s |", f.section(), f.name(),
                num(f.value()) + " " + f.unit(), floor, f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()),
                f.target() == null ? "" : f.target(), f.met() == null ? "" : f.met() ? "yes" : "NO");
    }

    static String num(double v) {
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    void print() {
        System.out.println();
        System.out.println(header());
        System.out.println("|" + "-".repeat(12) + "|" + "-".repeat(54) + "|" + "-".repeat(16) + "|" + "-".repeat(46)
                + "|" + "-".repeat(9) + "|" + "-".repeat(32) + "|" + "-".repeat(6) + "|");
        figures.forEach(f -> System.out.println(row(f)));
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("setup", setup);
        doc.put("figures", figures);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
        System.out.println("written to " + file.toAbsolutePath());
    }
}
