package se.motesdagen.visit.host;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import se.motesdagen.visit.request.DayTimes;

/**
 * Reads a list of hosts as staff keep it in a spreadsheet and save it as CSV (semicolon-separated, as
 * Swedish Excel writes it; a comma also works): one row a host, the columns named in the first row.
 * Every row is checked; the answer names each wrong row and what is wrong with it, so nothing is
 * imported until the whole list is right.
 *
 * <pre>
 * namn;e-post;telefon;roll;parti eller förvaltning;kunskap;tillgänglig
 * Karin Påhittad;karin@nykoping.example;070-000 00 01;politiker;Kommunalråd;;2027-08-26 09:00-17:00
 * Olof Exempel;olof@nykoping.example;;tjänsteperson;Näringslivsenheten;bygglov, livsmedelskontroll;2027-08-26 09:00-17:00
 * </pre>
 */
public final class HostList {

    public static final List<String> COLUMNS =
            List.of("namn", "e-post", "telefon", "roll", "parti eller förvaltning", "kunskap", "tillgänglig");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    static final int MAX_ROWS = 2000;

    private HostList() {}

    /** What a list held: the hosts of its rows when every row is right, and what is wrong with each row that is not. */
    public record Read(List<HostRow> hosts, List<RowProblem> problems) {

        public boolean ok() {
            return problems.isEmpty() && !hosts.isEmpty();
        }
    }

    /** A host as a row gives it (no id yet: the address decides whether it is new). */
    public record HostRow(
            String name,
            String email,
            String phone,
            Host.Role role,
            String affiliation,
            List<String> expertise,
            List<Host.Availability> availability) {}

    /** A row that cannot be imported, by its line in the file, with every reason in words staff can act on. */
    public record RowProblem(long line, String name, List<String> reasons) {}

    public static Read read(String text) {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text; // Excel's byte order mark
        char delimiter = firstLine(content).contains(";") ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<HostRow> hosts = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        try (var parser = format.parse(new StringReader(content))) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            List<String> missing = COLUMNS.stream()
                    .filter(c -> !c.equals("telefon") && !c.equals("kunskap") && !columns.containsKey(c))
                    .toList();
            if (!missing.isEmpty()) {
                problems.add(new RowProblem(
                        1,
                        null,
                        List.of("Kolumnerna " + String.join(", ", missing)
                                + " saknas i första raden. Första raden ska vara: " + String.join(";", COLUMNS))));
                return new Read(List.of(), problems);
            }
            Map<String, Long> seen = new HashMap<>();
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_ROWS) {
                    problems.add(new RowProblem(
                            record.getParser().getCurrentLineNumber(),
                            null,
                            List.of("Listan är längre än " + MAX_ROWS + " rader. Dela upp den.")));
                    break;
                }
                long line = record.getRecordNumber() + 1;
                row(record, columns, line, seen, hosts, problems);
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new RowProblem(0, null, List.of("Filen går inte att läsa som CSV: " + e.getMessage())));
        }
        if (hosts.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(0, null, List.of("Listan har inga värdar under rubrikraden.")));
        }
        return new Read(problems.isEmpty() ? hosts : List.of(), problems);
    }

    private static void row(
            CSVRecord record,
            Map<String, String> columns,
            long line,
            Map<String, Long> seen,
            List<HostRow> hosts,
            List<RowProblem> problems) {
        Checked checked = check(new Fields(
                value(record, columns, "namn"),
                value(record, columns, "e-post"),
                value(record, columns, "telefon"),
                value(record, columns, "roll"),
                value(record, columns, "parti eller förvaltning"),
                value(record, columns, "kunskap"),
                value(record, columns, "tillgänglig")));
        List<String> reasons = new ArrayList<>(checked.problems().values());
        String email = value(record, columns, "e-post").toLowerCase(Locale.ROOT);
        if (!checked.problems().containsKey("email")) {
            if (seen.containsKey(email)) {
                reasons.add("E-postadressen " + email + " finns redan på rad " + seen.get(email) + ".");
            } else {
                seen.put(email, line);
            }
        }
        if (reasons.isEmpty()) {
            hosts.add(checked.host());
        } else {
            String name = value(record, columns, "namn");
            problems.add(new RowProblem(line, name.isEmpty() ? null : name, reasons));
        }
    }

    /** A host's fields as typed, in a row of the list or on the form. */
    public record Fields(
            String name,
            String email,
            String phone,
            String role,
            String affiliation,
            String expertise,
            String availability) {}

    /**
     * The host the fields describe, or what is wrong with them, field by field ({@code name},
     * {@code email}, {@code role}, {@code availability}) in words staff can act on.
     */
    public record Checked(HostRow host, Map<String, String> problems) {}

    public static Checked check(Fields fields) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = strip(fields.name());
        String email = strip(fields.email()).toLowerCase(Locale.ROOT);
        String phone = strip(fields.phone());
        String roleText = strip(fields.role()).toLowerCase(Locale.ROOT);
        if (name.isEmpty()) {
            problems.put("name", "Namn saknas.");
        } else if (name.length() > 200) {
            problems.put("name", "Namnet är längre än 200 tecken.");
        }
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.put(
                    "email",
                    email.isEmpty() ? "E-postadress saknas." : "E-postadressen ”" + email + "” ser inte riktig ut.");
        }
        Host.Role role = switch (roleText) {
            case "politiker", "politician" -> Host.Role.POLITICIAN;
            case "tjänsteperson", "tjänsteman", "official" -> Host.Role.OFFICIAL;
            default -> {
                problems.put(
                        "role",
                        roleText.isEmpty()
                                ? "Roll saknas: skriv politiker eller tjänsteperson."
                                : "Rollen ”" + roleText + "” känns inte igen: skriv politiker eller tjänsteperson.");
                yield null;
            }
        };
        List<String> expertise = Arrays.stream(strip(fields.expertise()).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        List<Host.Availability> availability = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (String part : strip(fields.availability()).split("[,\\n]")) {
            if (!part.isBlank()) {
                availability(part.strip()).ifPresentOrElse(availability::add, () -> unreadable.add(part.strip()));
            }
        }
        if (!unreadable.isEmpty()) {
            problems.put(
                    "availability",
                    unreadable.stream().map(t -> "”" + t + "”").collect(Collectors.joining(", "))
                            + " går inte att läsa som tid: skriv datum och tider, till exempel 2027-08-26 09:00-17:00.");
        } else if (availability.isEmpty()) {
            problems.put(
                    "availability",
                    "Ingen tillgänglig tid: skriv när värden kan, till exempel 2027-08-26 09:00-17:00.");
        }
        String affiliation = strip(fields.affiliation());
        return problems.isEmpty()
                ? new Checked(
                        new HostRow(
                                name,
                                email,
                                phone.isEmpty() ? null : phone,
                                role,
                                affiliation,
                                expertise,
                                List.copyOf(availability)),
                        Map.of())
                : new Checked(null, problems);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static Optional<Host.Availability> availability(String text) {
        return DayTimes.parse(text).map(t -> new Host.Availability(t.day(), t.from(), t.to()));
    }

    private static Map<String, String> columns(List<String> header) {
        Map<String, String> columns = new HashMap<>();
        for (String name : header) {
            columns.put(name.strip().toLowerCase(Locale.ROOT), name);
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<String, String> columns, String column) {
        String header = columns.get(column);
        if (header == null || !record.isMapped(header) || !record.isSet(header)) {
            return "";
        }
        return record.get(header).strip();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
