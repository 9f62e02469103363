package se.motesdagen.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * deploy/k8s as {@code kubectl kustomize} renders each overlay, held to what the README promises: known
 * kinds at their API versions, no secret values in the repository, every pod non-root with probes on its
 * actuator groups, resources, a Service, a disruption budget and network policies, and no more instances
 * than the topics have partitions; and every object valid against the Kubernetes and Strimzi schemas, by
 * the validator in deploy/k8s/validate (kubernetes-models, from npm; installed with {@code npm ci} on first
 * use). Skipped where kubectl, or Node.js and npm for the schemas, are not installed.
 */
class KubernetesManifestsTests {

    private static final Path K8S = JourneySystemTests.ROOT.resolve("deploy/k8s");

    private static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("ConfigMap", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1"),
            Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1"),
            Map.entry("KafkaUser", "kafka.strimzi.io/v1"));

    /** Each service's context path: its probes and metrics live under it. */
    private static final Set<String> DEPLOYMENTS =
            Set.of("registration-service", "visit-service", "notification-service", "feedback-service", "gateway");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachOverlayRendersToObjectsThatKeepTheRules(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        assertThat(objects).hasSizeGreaterThan(25);
        for (JsonNode object : objects) {
            String kind = object.path("kind").asString();
            assertThat(API_VERSIONS).as("a kind the rules know").containsKey(kind);
            assertThat(object.path("apiVersion").asString()).as(kind).isEqualTo(API_VERSIONS.get(kind));
            assertThat(object.at("/metadata/name").asString()).as(kind).isNotBlank();
            assertThat(object.at("/metadata/namespace").asString()).as(kind).isEqualTo("motesdagen");
        }

        int partitions = of(objects, "KafkaTopic").stream()
                .mapToInt(t -> t.at("/spec/partitions").asInt())
                .min()
                .orElseThrow();
        Set<String> secretKeys = new TreeSet<>();
        Set<String> kafkaUsers = new TreeSet<>();
        List<JsonNode> deployments = of(objects, "Deployment");
        assertThat(deployments)
                .extracting(d -> d.at("/metadata/name").asString())
                .containsExactlyInAnyOrderElementsOf(DEPLOYMENTS);
        for (JsonNode deployment : deployments) {
            String name = deployment.at("/metadata/name").asString();
            JsonNode pod = deployment.at("/spec/template");
            JsonNode labels = pod.at("/metadata/labels");
            assertThat(pod.at("/spec/securityContext/runAsNonRoot").asBoolean())
                    .as(name)
                    .isTrue();
            for (JsonNode container : pod.at("/spec/containers")) {
                assertThat(container
                                .at("/securityContext/readOnlyRootFilesystem")
                                .asBoolean())
                        .as(name)
                        .isTrue();
                assertThat(container
                                .at("/securityContext/allowPrivilegeEscalation")
                                .asBoolean(true))
                        .as(name)
                        .isFalse();
                assertThat(container.at("/resources/requests/cpu").asString())
                        .as(name)
                        .isNotBlank();
                assertThat(container.at("/resources/requests/memory").asString())
                        .as(name)
                        .isNotBlank();
                assertThat(container.at("/resources/limits/memory").asString())
                        .as(name)
                        .isNotBlank();
                Set<String> ports = new TreeSet<>();
                container.path("ports").forEach(p -> ports.add(p.path("name").asString()));
                // the actuator is on a port of its own, never on the one the gateway forwards to (nor the
                // ingress): the probes and the scraper use it, and the service is told which it is
                assertThat(ports).as(name).contains("http", "management");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    String group = probe.equals("readinessProbe") ? "readiness" : "liveness";
                    assertThat(container.at("/" + probe + "/httpGet/path").asString())
                            .as(name + " " + probe)
                            .isEqualTo("/actuator/health/" + group);
                    assertThat(container.at("/" + probe + "/httpGet/port").asString())
                            .as(name + " " + probe)
                            .isEqualTo("management");
                }
                String managementPort = "";
                for (JsonNode port : container.path("ports")) {
                    if (port.path("name").asString().equals("management")) {
                        managementPort =
                                String.valueOf(port.path("containerPort").asInt());
                    }
                }
                JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
                assertThat(annotations.path("prometheus.io/port").asString())
                        .as(name + " is scraped on the management port")
                        .isEqualTo(managementPort);
                assertThat(annotations.path("prometheus.io/path").asString()).isEqualTo("/actuator/prometheus");
                if (!name.equals("gateway")) {
                    String configured = "";
                    for (JsonNode env : container.path("env")) {
                        if (env.path("name").asString().equals("MANAGEMENT_SERVER_PORT")) {
                            configured = env.path("value").asString();
                        }
                    }
                    assertThat(configured).as(name + " MANAGEMENT_SERVER_PORT").isEqualTo(managementPort);
                }
                for (JsonNode env : container.path("env")) {
                    String variable = env.path("name").asString();
                    if (variable.matches(".*(SECRET|PASSWORD|KEYS|USERNAME|MONGODB_URI).*")) {
                        assertThat(env.has("value"))
                                .as(name + " " + variable + " comes from a Secret")
                                .isFalse();
                    }
                    JsonNode secret = env.at("/valueFrom/secretKeyRef");
                    if (!secret.isMissingNode()
                            && name.equals(secret.path("name").asString())) {
                        // the service's own Kafka user, whose Secret Strimzi makes
                        assertThat(secret.path("key").asString()).isEqualTo("sasl.jaas.config");
                        kafkaUsers.add(name);
                    } else if (!secret.isMissingNode()) {
                        assertThat(secret.path("name").asString()).isEqualTo("motesdagen-secrets");
                        secretKeys.add(secret.path("key").asString());
                    }
                }
            }
            assertThat(of(objects, "Service"))
                    .as(name + " has a Service")
                    .anySatisfy(s ->
                            assertThat(selects(s.at("/spec/selector"), labels)).isTrue());
            assertThat(of(objects, "PodDisruptionBudget"))
                    .as(name + " has a disruption budget")
                    .anySatisfy(b -> assertThat(selects(b.at("/spec/selector/matchLabels"), labels))
                            .isTrue());
            assertThat(of(objects, "NetworkPolicy").stream()
                            .filter(policy -> selectsPod(policy.at("/spec/podSelector"), labels))
                            .flatMap(policy -> StreamSupport.stream(
                                    policy.at("/spec/policyTypes").spliterator(), false))
                            .map(JsonNode::asString))
                    .as(name + " is held by network policies both ways")
                    .contains("Ingress", "Egress");
        }
        for (JsonNode scaler : of(objects, "HorizontalPodAutoscaler")) {
            assertThat(scaler.at("/spec/maxReplicas").asInt())
                    .as("more instances than partitions would idle")
                    .isLessThanOrEqualTo(partitions);
        }
        assertThat(of(objects, "Secret"))
                .as("no secret values in the repository")
                .isEmpty();
        assertThat(secretKeys).isEqualTo(documentedSecretKeys());

        // Kafka only over TLS with SCRAM users; each service is its own user and writes only its own topic
        assertThat(of(objects, "Kafka").getFirst().at("/spec/kafka/listeners")).allSatisfy(listener -> {
            assertThat(listener.path("tls").asBoolean()).isTrue();
            assertThat(listener.at("/authentication/type").asString()).isEqualTo("scram-sha-512");
        });
        assertThat(of(objects, "Kafka")
                        .getFirst()
                        .at("/spec/kafka/authorization/type")
                        .asString())
                .isEqualTo("simple");
        List<JsonNode> users = of(objects, "KafkaUser");
        assertThat(users)
                .extracting(u -> u.at("/metadata/name").asString())
                .containsExactlyInAnyOrderElementsOf(kafkaUsers)
                .hasSize(4);
        for (JsonNode user : users) {
            String service = user.at("/metadata/name").asString();
            String own = service.replace("-service", "") + ".events";
            for (JsonNode acl : user.at("/spec/authorization/acls")) {
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(o -> operations.add(o.asString()));
                String resource = acl.at("/resource/name").asString();
                if (operations.contains("Write")
                        && "literal".equals(acl.at("/resource/patternType").asString())) {
                    assertThat(resource)
                            .as(service + " writes only its own topic")
                            .isEqualTo(own);
                } else if (operations.contains("Write")) {
                    assertThat(resource)
                            .as(service + " writes dead letters of its own groups only")
                            .endsWith("." + service.replace("-service", "") + "-");
                }
            }
        }

        int replication = "production".equals(overlay) ? 3 : 1;
        for (JsonNode topic : of(objects, "KafkaTopic")) {
            assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(replication);
            assertThat(topic.at("/spec/config/min.insync.replicas").asInt()).isEqualTo(Math.max(1, replication - 1));
        }
        assertThat(of(objects, "KafkaNodePool").getFirst().at("/spec/replicas").asInt())
                .isEqualTo(replication);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachOverlayIsValidAgainstTheKubernetesAndStrimziSchemas(String overlay) throws Exception {
        String rendered = kustomize(overlay);
        Validation validation = validate(rendered);
        assertThat(validation.exitCode()).as(validation.output()).isZero();
        assertThat(validation.output()).containsPattern("\\d{2} objects, 0 invalid");
    }

    /** The validator itself: a wrong type, a missing required field and an unknown kind each fail. */
    @Test
    void theSchemaValidatorRefusesWhatTheApiServerWould() throws Exception {
        String broken = kustomize("production")
                .replace("partitions: 6", "partitions: six")
                .concat("""
                        ---
                        apiVersion: apps/v1
                        kind: Deployment
                        metadata:
                          name: without-template
                        spec:
                          replicas: 1
                        ---
                        apiVersion: kafka.strimzi.io/v1beta2
                        kind: KafkaTopic
                        metadata:
                          name: old-api
                        spec:
                          partitions: 1
                        """);
        Validation validation = validate(broken);
        assertThat(validation.exitCode()).isEqualTo(1);
        assertThat(validation.output())
                .contains("KafkaTopic registration-events (kafka.strimzi.io/v1): data/spec/partitions must be integer")
                .contains("Deployment without-template (apps/v1): data/spec must have required property selector,"
                        + " data/spec must have required property template")
                .contains("KafkaTopic old-api (kafka.strimzi.io/v1beta2): Strimzi 1.0 and later serve only the v1 API");
    }

    private record Validation(int exitCode, String output) {}

    private static final Path VALIDATOR = K8S.resolve("validate");

    private static Validation validate(String objects) throws IOException, InterruptedException {
        if (!Files.isDirectory(VALIDATOR.resolve("node_modules"))) {
            Validation install = run(VALIDATOR, null, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(install.exitCode()).as(install.output()).isZero();
        }
        return run(VALIDATOR, objects, "node", "validate.mjs");
    }

    /** A command's exit code and output; the test is skipped if the command is not installed. */
    private static Validation run(Path directory, String input, String... command)
            throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException notInstalled) {
            assumeTrue(false, command[0] + " is not installed here");
            throw notInstalled;
        }
        try (var stdin = process.getOutputStream()) {
            if (input != null) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).as(output).isTrue();
        return new Validation(process.exitValue(), output);
    }

    private static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        List<JsonNode> objects = new ArrayList<>();
        YAMLMapper yaml = YAMLMapper.builder().build();
        try (var documents = yaml.readValues(yaml.createParser(kustomize(overlay)), JsonNode.class)) {
            documents.forEachRemaining(objects::add);
        }
        return objects;
    }

    private static String kustomize(String overlay) throws IOException, InterruptedException {
        Validation kubectl = run(
                K8S,
                null,
                "kubectl",
                "kustomize",
                K8S.resolve("overlays").resolve(overlay).toString());
        assertThat(kubectl.exitCode()).as(kubectl.output()).isZero();
        return kubectl.output();
    }

    /** The keys of motesdagen-secrets that deploy/k8s/README.md tells the operator to create (its table). */
    private static Set<String> documentedSecretKeys() throws IOException {
        String readme = Files.readString(K8S.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## The Secret to create"));
        Set<String> keys = new TreeSet<>();
        Matcher m =
                Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE).matcher(section);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    private static List<JsonNode> of(List<JsonNode> objects, String kind) {
        return objects.stream()
                .filter(o -> kind.equals(o.path("kind").asString()))
                .toList();
    }

    /** Whether every label of the selector is on the pod. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.isMissingNode() || selector.isEmpty()) {
            return false;
        }
        for (var label : selector.properties()) {
            if (!label.getValue().asString().equals(labels.path(label.getKey()).asString())) {
                return false;
            }
        }
        return true;
    }

    /** A pod selector with matchLabels and matchExpressions (In only, the kind used here). */
    private static boolean selectsPod(JsonNode podSelector, JsonNode labels) {
        JsonNode matchLabels = podSelector.path("matchLabels");
        if (!matchLabels.isMissingNode() && !selects(matchLabels, labels)) {
            return false;
        }
        for (JsonNode expression : podSelector.path("matchExpressions")) {
            Set<String> values = new TreeSet<>();
            expression.path("values").forEach(v -> values.add(v.asString()));
            if (!"In".equals(expression.path("operator").asString())
                    || !values.contains(
                            labels.path(expression.path("key").asString()).asString())) {
                return false;
            }
        }
        return !matchLabels.isMissingNode() || podSelector.has("matchExpressions");
    }
}
