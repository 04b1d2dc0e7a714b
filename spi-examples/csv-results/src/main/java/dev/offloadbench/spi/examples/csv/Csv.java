package dev.offloadbench.spi.examples.csv;

import java.util.List;
import java.util.stream.Collectors;

/** One CSV record (RFC 4180): a field with a comma, a quote or a line break is quoted. */
final class Csv {
    private Csv() {
    }

    static String line(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String field(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
