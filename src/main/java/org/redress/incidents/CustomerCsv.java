package org.redress.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Reads a list of affected customers in CSV (RFC 4180: commas, optional double quotes,
 * {@code ""} for a quote inside quotes). The first line names the columns
 * {@code customerRef,email,name}, in any order. Each row keeps the line it starts on, so
 * a problem can be reported where the person will look for it.
 */
final class CustomerCsv {

    static final List<String> COLUMNS = List.of("customerref", "email", "name");

    /** A row as written: its line number and its fields by column name. */
    record Row(int line, @Nullable String customerRef, @Nullable String email, @Nullable String name) {}

    /** A row that could not be read. */
    record Problem(int line, String message) {}

    record Parsed(List<Row> rows, List<Problem> problems) {}

    private CustomerCsv() {
    }

    static Parsed parse(String text) {
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text, problems);
        if (records.isEmpty()) {
            problems.add(new Problem(1, "the file is empty; the first line must be customerRef,email,name"));
            return new Parsed(rows, problems);
        }
        Record header = records.get(0);
        int[] index = new int[COLUMNS.size()];
        List<String> names = header.fields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        for (int c = 0; c < COLUMNS.size(); c++) {
            index[c] = names.indexOf(COLUMNS.get(c));
        }
        if (names.size() != COLUMNS.size() || index[0] < 0 || index[1] < 0 || index[2] < 0) {
            problems.add(new Problem(header.line(), "the first line must name the columns customerRef,email,name (found "
                + String.join(",", header.fields()) + ")"));
            return new Parsed(rows, problems);
        }
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().size() != COLUMNS.size()) {
                problems.add(new Problem(record.line(), "has " + record.fields().size() + " columns; expected 3 (customerRef,email,name)"));
                continue;
            }
            rows.add(new Row(record.line(), blank(record.fields().get(index[0])), blank(record.fields().get(index[1])),
                blank(record.fields().get(index[2]))));
        }
        return new Parsed(rows, problems);
    }

    private record Record(int line, List<String> fields) {}

    // A small state machine: quoted fields may hold commas and line breaks.
    private static List<Record> records(String text, List<Problem> problems) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int start = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    field.append(ch);
                }
            } else if (ch == '"' && field.toString().isBlank()) {
                quoted = true;
                field.setLength(0);
                any = true;
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.toString().isBlank()) {
                    fields.add(field.toString());
                    records.add(new Record(start, List.copyOf(fields)));
                }
                fields.clear();
                field.setLength(0);
                any = false;
                line++;
                start = line;
            } else {
                field.append(ch);
                any = true;
            }
        }
        if (quoted) {
            problems.add(new Problem(start, "has a quote that is never closed"));
        } else if (any || !field.toString().isBlank()) {
            fields.add(field.toString());
            records.add(new Record(start, List.copyOf(fields)));
        }
        return records;
    }

    private static @Nullable String blank(String value) {
        return value.isBlank() ? null : value.trim();
    }
}
