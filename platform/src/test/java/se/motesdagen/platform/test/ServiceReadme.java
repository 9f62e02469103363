package se.motesdagen.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a service's README says truly what it publishes and consumes: the event types in its
 * "Publishes" and "Consumes" tables are exactly those its code names (its own namespace published,
 * the others' consumed), and every contract the README links to is in {@code contracts/}. Run from the
 * module's folder, as Maven runs tests.
 */
public final class ServiceReadme {

    private static final Pattern TYPE = Pattern.compile("se\\.motesdagen\\.[a-z]+\\.[a-z-]+\\.v\\d+");
    private static final Pattern QUOTED_TYPE = Pattern.compile("\"(" + TYPE.pattern() + ")\"");
    private static final Pattern LINK = Pattern.compile("\\]\\((\\.\\./contracts/[^)]+)\\)");

    private ServiceReadme() {}

    /** What is wrong, one line each; empty when the README and the code agree. */
    public static List<String> problems(String service) {
        Path module = Path.of("").toAbsolutePath();
        String readme = read(module.resolve("README.md"));
        Set<String> published = new TreeSet<>();
        Set<String> consumed = new TreeSet<>();
        for (String type : typesInCode(module.resolve("src/main/java"))) {
            (type.startsWith("se.motesdagen." + service + ".") ? published : consumed).add(type);
        }
        List<String> problems = new ArrayList<>();
        compare("Publishes", published, typesInTable(readme, "| Publishes"), problems);
        compare("Consumes", consumed, typesInTable(readme, "| Consumes"), problems);
        Matcher link = LINK.matcher(readme);
        while (link.find()) {
            if (!Files.exists(module.resolve(link.group(1)).normalize())) {
                problems.add("README links to " + link.group(1) + ", which does not exist");
            }
        }
        for (String type : published) {
            if (!Files.exists(module.resolve("../contracts/schemas/" + type + ".json"))) {
                problems.add(type + " is published without a schema in contracts/");
            }
        }
        return problems;
    }

    private static void compare(String table, Set<String> inCode, Set<String> inReadme, List<String> problems) {
        for (String type : inCode) {
            if (!inReadme.contains(type)) {
                problems.add(table + ": " + type + " is in the code but not in the README");
            }
        }
        for (String type : inReadme) {
            if (!inCode.contains(type)) {
                problems.add(table + ": " + type + " is in the README but not in the code");
            }
        }
    }

    /** The types named in the table whose header line starts so, up to the first line that is not a row. */
    private static Set<String> typesInTable(String readme, String header) {
        Set<String> types = new TreeSet<>();
        int start = readme.indexOf("\n" + header);
        if (start < 0) {
            return types;
        }
        for (String line : readme.substring(start + 1).lines().toList()) {
            if (!line.startsWith("|")) {
                break;
            }
            if (line.startsWith(header)) {
                continue;
            }
            Matcher first = TYPE.matcher(line.split("\\|")[1]); // the first column names the type
            while (first.find()) {
                types.add(first.group());
            }
        }
        return types;
    }

    private static Set<String> typesInCode(Path sources) {
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                Matcher m = QUOTED_TYPE.matcher(read(file));
                while (m.find()) {
                    types.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
