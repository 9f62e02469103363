package se.motesdagen.systemtest;

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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code deploy/observability} asks of the services: the PromQL of every Grafana panel and every
 * alert rule, and the metric names in it, so a test can hold them to what the services really serve.
 */
final class ObservabilityFiles {

    private static final Pattern EXPR = Pattern.compile("^\\s*expr:\\s*(.+)$", Pattern.MULTILINE);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "and", "or", "unless", "on", "ignoring", "group_left", "group_right", "bool", "offset");

    private final Path folder;

    ObservabilityFiles(Path folder) {
        this.folder = folder;
    }

    /** Every panel of every dashboard, as dashboard title → panel title → its queries. */
    List<Panel> panels() {
        JsonMapper json = JsonMapper.builder().build();
        List<Panel> panels = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder.resolve("grafana/dashboards"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode dashboard = json.readTree(Files.readString(file));
                for (JsonNode panel : dashboard.get("panels")) {
                    List<String> queries = new ArrayList<>();
                    panel.get("targets")
                            .forEach(target -> queries.add(target.get("expr").asString()));
                    panels.add(new Panel(
                            dashboard.get("title").asString(),
                            panel.get("title").asString(),
                            panel.at("/datasource/uid").asString(),
                            queries));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return panels;
    }

    /** The expression of every alert rule. */
    List<String> alertQueries() {
        try {
            Matcher m = EXPR.matcher(Files.readString(folder.resolve("prometheus/alerts.yml")));
            List<String> queries = new ArrayList<>();
            while (m.find()) {
                queries.add(m.group(1).strip());
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The metric names a PromQL expression reads: what is left once label matchers, grouping labels,
     * ranges, strings, function names and keywords are taken out.
     */
    static Set<String> metricsIn(String promql) {
        String bare = promql.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
        Set<String> metrics = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String name = m.group();
            boolean called = bare.substring(m.end()).stripLeading().startsWith("(");
            if (!called && !KEYWORDS.contains(name)) {
                metrics.add(name);
            }
        }
        return metrics;
    }

    record Panel(String dashboard, String title, String datasource, List<String> queries) {}
}
