package org.claimledger.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The manifests under k8s/ as kustomize renders them: every document valid against the vendored
 * schema of its kind (src/test/resources/k8s-schemas, see SOURCES.md), and wired to the service the
 * way application.properties and pom.xml say. Needs kubectl (its built-in kustomize), nothing else.
 */
@DisplayName("Kubernetes manifests")
class KubernetesManifestsTest {

    static final Path PROJECT = Path.of("").toAbsolutePath();
    static final Path K8S = PROJECT.resolve("k8s");
    static final String IMAGE = "ghcr.io/claimledger/claimledger";

    /** apiVersion + kind -> vendored schema; a kind missing here fails the validation test. */
    static final Map<String, String> SCHEMAS = Map.of(
            "apps/v1 Deployment", "deployment-apps-v1.json",
            "v1 Service", "service-v1.json",
            "v1 ConfigMap", "configmap-v1.json",
            "policy/v1 PodDisruptionBudget", "poddisruptionbudget-policy-v1.json",
            "autoscaling/v2 HorizontalPodAutoscaler", "horizontalpodautoscaler-autoscaling-v2.json",
            "postgresql.cnpg.io/v1 Cluster", "postgresql.cnpg.io-cluster-v1.json",
            "kafka.strimzi.io/v1beta2 Kafka", "kafka.strimzi.io-kafka-v1beta2.json",
            "kafka.strimzi.io/v1beta2 KafkaNodePool", "kafka.strimzi.io-kafkanodepool-v1beta2.json",
            "kafka.strimzi.io/v1beta2 KafkaTopic", "kafka.strimzi.io-kafkatopic-v1beta2.json");

    /** Connections a PostgreSQL keeps beyond the service's pools: superuser reserve, operator, monitoring. */
    static final int RESERVED_CONNECTIONS = 10;

    static final Pattern SECRET_LIKE_KEY =
            Pattern.compile("(?i).*(PASSWORD|PASSWD|SECRET|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY).*");
    static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+).*");

    static final YAMLMapper YAML = new YAMLMapper();
    static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();
    static final Validator VALIDATOR = new Validator();

    // ---- every document is valid -------------------------------------------------------------

    @ParameterizedTest(name = "{0}: renders the service and its whole backing stack")
    @ValueSource(strings = {"dev", "prod"})
    void renders_the_service_and_its_whole_backing_stack(String overlay) {
        assertThat(render(overlay)).extracting(KubernetesManifestsTest::type)
                .containsExactlyInAnyOrderElementsOf(SCHEMAS.keySet());
    }

    @ParameterizedTest(name = "{0}: every document is valid against the vendored schema of its kind")
    @ValueSource(strings = {"dev", "prod"})
    void every_document_is_valid_against_the_schema_of_its_kind(String overlay) {
        assertThat(VALIDATOR.problems(render(overlay))).isEmpty();
    }

    static Stream<Arguments> misspellings() {
        return Stream.of(
                arguments("Deployment", "/spec/template/spec/containers/0", "readinessProbee"),
                arguments("Service", "/spec/ports/0", "targetport"),
                arguments("KafkaTopic", "/spec", "partition"),
                arguments("Cluster", "/spec/bootstrap/initdb", "databse"),
                arguments("KafkaNodePool", "/spec/storage/volumes/0", "sise"),
                // the CRD schemas leave these open: the validator tightens them itself
                arguments("Kafka", "", "specs"),
                arguments("Cluster", "/metadata", "label"));
    }

    @ParameterizedTest(name = "an unknown field {2} in a {0} at ''{1}'' is refused")
    @MethodSource("misspellings")
    void an_unknown_field_is_refused(String kind, String pointer, String field) {
        JsonNode rendered = one(render("prod"), kind);
        assertThat(VALIDATOR.problems(List.of(rendered))).as("the document as rendered").isEmpty();

        JsonNode broken = rendered.deepCopy();
        ((ObjectNode) broken.at(pointer)).set(field, TextNode.valueOf("x"));

        assertThat(VALIDATOR.problems(List.of(broken))).anySatisfy(p -> assertThat(p).contains(field));
    }

    @Test
    void a_value_of_the_wrong_type_is_refused() {
        JsonNode topic = one(render("prod"), "KafkaTopic").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "six");

        assertThat(VALIDATOR.problems(List.of(topic))).anySatisfy(p -> assertThat(p).contains("partitions"));
    }

    @Test
    void a_kind_without_a_vendored_schema_is_refused() throws IOException {
        JsonNode namespace = YAML.readTree("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: claimledger\n");

        assertThat(VALIDATOR.problems(List.of(namespace)))
                .singleElement().asString().contains("no vendored schema for v1 Namespace");
    }

    @Test
    void the_validator_fetches_no_remote_schema() throws IOException {
        JsonNode remote = YAML.readTree("$ref: https://kubernetesjsonschema.dev/v1.32.2/configmap-v1.json\n");

        assertThatThrownBy(() -> VALIDATOR.factory.getSchema(remote).validate(YAML.createObjectNode()))
                .hasMessageContaining("not allowed to be loaded");
    }

    // ---- the service as application.properties and pom.xml describe it ----------------------

    @ParameterizedTest(name = "{0}: the probes ask Quarkus health on the port of quarkus.http.port")
    @ValueSource(strings = {"dev", "prod"})
    void the_probes_ask_quarkus_health_on_the_http_port(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode container = container(docs);
        int httpPort = Integer.parseInt(setting(docs, "QUARKUS_HTTP_PORT", "quarkus.http.port"));

        assertThat(containerPort(container, "http")).isEqualTo(httpPort);
        Map<String, String> paths = Map.of("startupProbe", "/q/health/started",
                "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");
        paths.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertThat(get.path("path").asText()).as(probe).isEqualTo(path);
            assertThat(resolvePort(container, get.path("port"))).as(probe + " port").isEqualTo(httpPort);
        });
    }

    @ParameterizedTest(name = "{0}: the Service sends its http port to the container's and selects the pods")
    @ValueSource(strings = {"dev", "prod"})
    void the_service_reaches_the_container_port(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode service = one(docs, "Service");
        JsonNode port = service.at("/spec/ports/0");
        int httpPort = Integer.parseInt(setting(docs, "QUARKUS_HTTP_PORT", "quarkus.http.port"));

        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(resolvePort(container(docs), port.path("targetPort"))).isEqualTo(httpPort);
        assertThat(selects(service.at("/spec/selector"), podLabels(docs))).as("selector matches the pods").isTrue();
    }

    @ParameterizedTest(name = "{0}: the image is tagged with the project version of pom.xml")
    @ValueSource(strings = {"dev", "prod"})
    void the_image_is_tagged_with_the_project_version(String overlay) {
        assertThat(container(render(overlay)).path("image").asText()).isEqualTo(IMAGE + ":" + projectVersion());
    }

    @ParameterizedTest(name = "{0}: the pod runs as non-root on a read-only root, writing only to emptyDirs")
    @ValueSource(strings = {"dev", "prod"})
    void the_pod_is_locked_down(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode pod = podSpec(docs);
        JsonNode container = container(docs);
        JsonNode security = container.path("securityContext");

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").isBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(texts(security.at("/capabilities/drop"))).contains("ALL");
        String dataDir = env(container, "CLAIMLEDGER_DATA_DIR").path("value").asText();
        for (String writable : List.of("/tmp", dataDir)) {
            JsonNode volume = volume(pod, mount(container, writable).path("name").asText());
            assertThat(volume.has("emptyDir")).as(writable + " is an emptyDir").isTrue();
        }
        assertThat(container.at("/resources/requests").size()).as("requests").isEqualTo(2);
        assertThat(container.at("/resources/limits/memory").isMissingNode()).as("memory limit").isFalse();
        assertThat(env(container, "JDK_JAVA_OPTIONS").path("value").asText()).contains("-XX:MaxRAMPercentage=");
    }

    @ParameterizedTest(name = "{0}: the token key is read from the mounted claimledger-jwt Secret")
    @ValueSource(strings = {"dev", "prod"})
    void the_token_key_comes_from_the_mounted_secret(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode pod = podSpec(docs);
        JsonNode container = container(docs);
        String location = env(container, "MP_JWT_VERIFY_PUBLICKEY_LOCATION").path("value").asText();
        JsonNode secret = StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(v -> v.at("/secret/secretName").asText().equals("claimledger-jwt"))
                .findFirst().orElseThrow(() -> new AssertionError("no volume of Secret claimledger-jwt"));
        JsonNode mount = StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("name").asText().equals(secret.path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("Secret claimledger-jwt is not mounted"));
        String file = StreamSupport.stream(secret.at("/secret/items").spliterator(), false)
                .filter(i -> i.path("key").asText().equals("public.pem"))
                .map(i -> i.path("path").asText()).findFirst().orElse("public.pem");

        assertThat(mount.path("readOnly").asBoolean()).isTrue();
        assertThat(location).isEqualTo(mount.path("mountPath").asText() + "/" + file);
    }

    @ParameterizedTest(name = "{0}: no Secret and no secret-looking setting is in the manifests")
    @ValueSource(strings = {"dev", "prod"})
    void no_secret_is_in_the_manifests(String overlay) {
        List<JsonNode> docs = render(overlay);

        assertThat(docs).extracting(d -> d.path("kind").asText()).doesNotContain("Secret");
        one(docs, "ConfigMap").path("data").fields().forEachRemaining(e -> {
            assertThat(e.getKey()).doesNotMatch(SECRET_LIKE_KEY);
            assertThat(e.getValue().asText()).doesNotContain("-----BEGIN");
        });
        container(docs).path("env").forEach(e -> {
            if (SECRET_LIKE_KEY.matcher(e.path("name").asText()).matches()) {
                assertThat(e.has("value")).as(e.path("name").asText() + " is given in plain text").isFalse();
            }
        });
    }

    @ParameterizedTest(name = "{0}: every Secret the manifests name is documented in k8s/README.md")
    @ValueSource(strings = {"dev", "prod"})
    void every_secret_named_is_documented(String overlay) throws IOException {
        String readme = Files.readString(K8S.resolve("README.md"));
        Set<String> named = new LinkedHashSet<>();
        render(overlay).forEach(d -> secretsNamed(d, named));

        assertThat(named).contains("claimledger-jwt", "claimledger-db-app");
        assertThat(named).allSatisfy(secret -> assertThat(readme).contains("`" + secret + "`"));
    }

    @ParameterizedTest(name = "{0}: the Deployment reads the ConfigMap that is rendered")
    @ValueSource(strings = {"dev", "prod"})
    void the_deployment_reads_the_rendered_config_map(String overlay) {
        List<JsonNode> docs = render(overlay);

        assertThat(container(docs).at("/envFrom/0/configMapRef/name").asText())
                .isEqualTo(one(docs, "ConfigMap").at("/metadata/name").asText());
    }

    // ---- the backing stack -------------------------------------------------------------------

    @ParameterizedTest(name = "{0}: the KafkaTopic is the topic and partitions of application.properties")
    @ValueSource(strings = {"dev", "prod"})
    void the_topic_is_the_one_the_service_publishes_to(String overlay) throws IOException {
        List<JsonNode> docs = render(overlay);
        JsonNode topic = one(docs, "KafkaTopic");
        Properties properties = applicationProperties();

        assertThat(topic.at("/spec/topicName").asText())
                .isEqualTo(properties.getProperty("claimledger.kafka.topic"))
                .isEqualTo(setting(docs, "CLAIMLEDGER_KAFKA_TOPIC", "claimledger.kafka.topic"));
        assertThat(topic.at("/spec/partitions").asInt())
                .isEqualTo(Integer.parseInt(properties.getProperty("claimledger.kafka.partitions")))
                .isEqualTo(Integer.parseInt(setting(docs, "CLAIMLEDGER_KAFKA_PARTITIONS", "claimledger.kafka.partitions")));
        // the service creates the topic itself when it gets there first
        assertThat(topic.at("/spec/replicas").asInt()).isEqualTo(Integer.parseInt(
                setting(docs, "CLAIMLEDGER_KAFKA_REPLICATION_FACTOR", "claimledger.kafka.replication-factor")));
        assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText())
                .isEqualTo(one(docs, "Kafka").at("/metadata/name").asText());
    }

    @ParameterizedTest(name = "{0}: no topic asks for more replicas than there are brokers")
    @ValueSource(strings = {"dev", "prod"})
    void no_topic_asks_for_more_replicas_than_brokers(String overlay) {
        List<JsonNode> docs = render(overlay);
        int brokers = brokers(docs);
        JsonNode config = one(docs, "Kafka").at("/spec/kafka/config");

        assertThat(one(docs, "KafkaTopic").at("/spec/replicas").asInt()).isBetween(1, brokers);
        for (String factor : List.of("offsets.topic.replication.factor",
                "transaction.state.log.replication.factor", "default.replication.factor")) {
            assertThat(config.path(factor).asInt(1)).as(factor).isBetween(1, brokers);
        }
        assertThat(one(docs, "KafkaTopic").at("/spec/config/min.insync.replicas").asInt(1))
                .isLessThanOrEqualTo(one(docs, "KafkaTopic").at("/spec/replicas").asInt());
    }

    @ParameterizedTest(name = "{0}: KAFKA_BOOTSTRAP_SERVERS names the Kafka's bootstrap service and a plain listener")
    @ValueSource(strings = {"dev", "prod"})
    void the_service_is_pointed_at_the_kafka_bootstrap(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode kafka = one(docs, "Kafka");
        String bootstrap = configMap(docs).get("KAFKA_BOOTSTRAP_SERVERS");
        // the service has no TLS or SASL settings for Kafka: it needs a plain, unauthenticated listener
        List<String> plain = StreamSupport.stream(kafka.at("/spec/kafka/listeners").spliterator(), false)
                .filter(l -> !l.path("tls").asBoolean() && !l.has("authentication"))
                .map(l -> kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + l.path("port").asInt())
                .toList();

        assertThat(plain).contains(bootstrap);
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/metadata/annotations/strimzi.io~1node-pools").asText()).isEqualTo("enabled");
        assertThat(kafka.at("/spec/entityOperator/topicOperator").isObject()).as("topic operator").isTrue();
        assertThat(docs).filteredOn(d -> d.path("kind").asText().equals("KafkaNodePool"))
                .allSatisfy(pool -> assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText())
                        .isEqualTo(kafka.at("/metadata/name").asText()));
    }

    @ParameterizedTest(name = "{0}: the JDBC URL names the CloudNativePG primary and the credentials its app Secret")
    @ValueSource(strings = {"dev", "prod"})
    void the_service_is_pointed_at_the_cnpg_primary(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode cluster = one(docs, "Cluster");
        String name = cluster.at("/metadata/name").asText();
        Matcher url = JDBC_URL.matcher(configMap(docs).get("QUARKUS_DATASOURCE_JDBC_URL"));
        JsonNode container = container(docs);

        assertThat(url.matches()).as("a jdbc:postgresql URL").isTrue();
        assertThat(url.group(1)).isEqualTo(name + "-rw");
        assertThat(url.group(2)).isIn(null, "5432");
        assertThat(url.group(3)).isEqualTo(cluster.at("/spec/bootstrap/initdb/database").asText());
        Map.of("QUARKUS_DATASOURCE_USERNAME", "username", "QUARKUS_DATASOURCE_PASSWORD", "password")
                .forEach((variable, key) -> {
                    JsonNode ref = env(container, variable).at("/valueFrom/secretKeyRef");
                    assertThat(ref.path("name").asText()).as(variable).isEqualTo(name + "-app");
                    assertThat(ref.path("key").asText()).as(variable).isEqualTo(key);
                });
    }

    @ParameterizedTest(name = "{0}: PostgreSQL takes every pool of every replica the HPA may run")
    @ValueSource(strings = {"dev", "prod"})
    void postgres_takes_every_pool(String overlay) {
        List<JsonNode> docs = render(overlay);
        int pool = Integer.parseInt(setting(docs, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "quarkus.datasource.jdbc.max-size"));
        // a rolling update runs maxSurge pods beside the HPA's maximum
        int pods = one(docs, "HorizontalPodAutoscaler").at("/spec/maxReplicas").asInt()
                + one(docs, "Deployment").at("/spec/strategy/rollingUpdate/maxSurge").asInt(1);
        int maxConnections = one(docs, "Cluster").at("/spec/postgresql/parameters/max_connections").asInt(100);

        assertThat(pods * pool + RESERVED_CONNECTIONS).isLessThanOrEqualTo(maxConnections);
    }

    @ParameterizedTest(name = "{0}: the HPA scales the Deployment and the PDB guards its pods")
    @ValueSource(strings = {"dev", "prod"})
    void the_hpa_and_pdb_govern_the_deployment(String overlay) {
        List<JsonNode> docs = render(overlay);
        JsonNode deployment = one(docs, "Deployment");
        JsonNode target = one(docs, "HorizontalPodAutoscaler").at("/spec/scaleTargetRef");
        JsonNode pdb = one(docs, "PodDisruptionBudget");

        assertThat(target.path("apiVersion").asText()).isEqualTo("apps/v1");
        assertThat(target.path("kind").asText()).isEqualTo("Deployment");
        assertThat(target.path("name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(one(docs, "HorizontalPodAutoscaler").at("/spec/metrics").findValuesAsText("name")).contains("cpu");
        assertThat(pdb.at("/spec/selector/matchExpressions").isMissingNode()).isTrue();
        assertThat(pdb.at("/spec/selector/matchLabels").size()).isPositive();
        assertThat(selects(pdb.at("/spec/selector/matchLabels"), podLabels(docs))).as("PDB selects the pods").isTrue();
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(pdb.at("/spec/selector/matchLabels"));
    }

    // ---- per environment ---------------------------------------------------------------------

    @Test
    @DisplayName("prod: three replicas of everything, and a topic that survives the loss of a broker")
    void prod_survives_the_loss_of_a_node() {
        List<JsonNode> docs = render("prod");
        JsonNode hpa = one(docs, "HorizontalPodAutoscaler").path("spec");
        JsonNode topic = one(docs, "KafkaTopic").path("spec");
        JsonNode pdb = one(docs, "PodDisruptionBudget").path("spec");

        assertThat(one(docs, "Deployment").at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(hpa.path("minReplicas").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(hpa.path("maxReplicas").asInt()).isGreaterThan(hpa.path("minReplicas").asInt());
        // a drain can always evict one pod, and never all of them
        assertThat(pdb.has("maxUnavailable") ? pdb.path("maxUnavailable").asInt()
                : hpa.path("minReplicas").asInt() - pdb.path("minAvailable").asInt()).isEqualTo(1);
        assertThat(one(docs, "Cluster").at("/spec/instances").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(brokers(docs)).isGreaterThanOrEqualTo(3);
        assertThat(topic.path("replicas").asInt())
                .isEqualTo(Integer.parseInt(configMap(docs).get("CLAIMLEDGER_KAFKA_REPLICATION_FACTOR")))
                .isGreaterThanOrEqualTo(topic.at("/config/min.insync.replicas").asInt(1) + 1);
    }

    @Test
    @DisplayName("dev: one of everything")
    void dev_runs_one_of_everything() {
        List<JsonNode> docs = render("dev");
        JsonNode hpa = one(docs, "HorizontalPodAutoscaler").path("spec");

        assertThat(one(docs, "Deployment").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(hpa.path("minReplicas").asInt()).isEqualTo(1);
        assertThat(hpa.path("maxReplicas").asInt()).isEqualTo(2);
        assertThat(one(docs, "Cluster").at("/spec/instances").asInt()).isEqualTo(1);
        assertThat(brokers(docs)).isEqualTo(1);
        assertThat(configMap(docs).get("CLAIMLEDGER_KAFKA_REPLICATION_FACTOR")).isEqualTo("1");
    }

    // ---- rendering ---------------------------------------------------------------------------

    static synchronized List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, KubernetesManifestsTest::kustomize);
    }

    static List<JsonNode> kustomize(String overlay) {
        Path dir = K8S.resolve("overlays").resolve(overlay);
        assertThat(dir).as("overlay").isDirectory();
        try {
            Process process = new ProcessBuilder(kubectl(), "kustomize", dir.toString()).start();
            process.getOutputStream().close();
            // both pipes drained at once, so a chatty stderr cannot block the render
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("kubectl kustomize " + dir + " did not finish within 60 s");
            }
            if (process.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " exited with " + process.exitValue() + ":\n" + err.join());
            }
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(out.join())) {
                while (it.hasNextValue()) {
                    JsonNode doc = it.nextValue();
                    if (doc != null && doc.isObject()) {
                        docs.add(doc);
                    }
                }
            }
            assertThat(docs).as("documents rendered from " + dir).isNotEmpty();
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** $KUBECTL, else kubectl on the PATH, else /usr/bin/kubectl; without one, a failure under CI and a reported skip elsewhere. */
    static String kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("KUBECTL=" + configured + " is not an executable file");
            }
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)).map(d -> Path.of(d, "kubectl")),
                        Stream.of(Path.of("/usr/bin/kubectl"), Path.of("/usr/local/bin/kubectl")))
                .filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> org.claimledger.testing.ExternalTools.missing("kubectl not found on the PATH: these tests"
                        + " render k8s/ with its built-in kustomize. Install kubectl 1.27 or later"
                        + " (https://kubernetes.io/docs/tasks/tools/) or set KUBECTL to its path."));
    }

    static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- schema validation -------------------------------------------------------------------

    static final class Validator {

        /** The Kubernetes schemas name this loose "$schema"; their keywords are draft 4's. */
        static final String KUBERNETES_META_SCHEMA = "http://json-schema.org/schema#";
        static final List<String> ANNOTATIONS = List.of("example", "x-kubernetes-int-or-string",
                "x-kubernetes-list-map-keys", "x-kubernetes-list-type", "x-kubernetes-map-type",
                "x-kubernetes-preserve-unknown-fields", "x-kubernetes-validations",
                "x-kubernetes-embedded-resource", "x-kubernetes-group-version-kind", "x-kubernetes-patch-merge-key",
                "x-kubernetes-patch-strategy", "x-kubernetes-unions");

        final JsonSchemaFactory factory;
        final Map<String, JsonSchema> schemas = new HashMap<>();

        Validator() {
            // draft 4 plus the annotations the schemas carry; any other keyword fails rather than being ignored
            JsonMetaSchema meta = JsonMetaSchema.builder(KUBERNETES_META_SCHEMA, JsonMetaSchema.getV4())
                    .keywords(ANNOTATIONS.stream().map(NonValidationKeyword::new).toList())
                    .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                    .build();
            factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, builder -> builder
                    .metaSchema(meta)
                    .defaultMetaSchemaIri(KUBERNETES_META_SCHEMA)
                    // the schemas are standalone: a $ref to anywhere is a mistake, not a download
                    .schemaLoaders(loaders -> loaders.add(DisallowSchemaLoader.getInstance())));
            JsonNode objectMeta = load(SCHEMAS.get("v1 ConfigMap")).at("/properties/metadata");
            SCHEMAS.forEach((type, file) -> {
                JsonNode schema = load(file);
                if (!schema.path("additionalProperties").isBoolean()) {
                    // CRDs-catalog leaves the top level and metadata open: close them here
                    ObjectNode strict = (ObjectNode) schema;
                    strict.put("additionalProperties", false);
                    ((ObjectNode) strict.get("properties")).set("metadata", objectMeta.deepCopy());
                }
                schemas.put(type, factory.getSchema(schema));
            });
        }

        /** What is wrong with the documents, one line each; empty when all are valid. */
        List<String> problems(List<JsonNode> docs) {
            List<String> problems = new ArrayList<>();
            for (JsonNode doc : docs) {
                String where = doc.path("kind").asText() + "/" + doc.at("/metadata/name").asText() + ": ";
                JsonSchema schema = schemas.get(type(doc));
                if (schema == null) {
                    problems.add(where + "no vendored schema for " + type(doc)
                            + " (add one to src/test/resources/k8s-schemas and SOURCES.md)");
                    continue;
                }
                for (ValidationMessage message : schema.validate(doc)) {
                    problems.add(where + message.getMessage());
                }
            }
            return problems;
        }

        static JsonNode load(String file) {
            String resource = "/k8s-schemas/" + file;
            try (InputStream in = KubernetesManifestsTest.class.getResourceAsStream(resource)) {
                assertThat(in).as(resource).isNotNull();
                return YAML.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- reading the project and the documents -----------------------------------------------

    static String type(JsonNode doc) {
        return doc.path("apiVersion").asText() + " " + doc.path("kind").asText();
    }

    static JsonNode one(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("documents of kind " + kind).hasSize(1);
        return found.get(0);
    }

    static JsonNode podSpec(List<JsonNode> docs) {
        return one(docs, "Deployment").at("/spec/template/spec");
    }

    static JsonNode container(List<JsonNode> docs) {
        JsonNode containers = podSpec(docs).path("containers");
        assertThat(containers.size()).as("containers").isEqualTo(1);
        return containers.get(0);
    }

    static JsonNode podLabels(List<JsonNode> docs) {
        return one(docs, "Deployment").at("/spec/template/metadata/labels");
    }

    static boolean selects(JsonNode selector, JsonNode labels) {
        assertThat(selector.size()).as("selector").isPositive();
        Map<String, String> wanted = new HashMap<>();
        selector.fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.path(e.getKey()).asText(null)));
    }

    static int containerPort(JsonNode container, String name) {
        return StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(p -> p.path("name").asText().equals(name)).mapToInt(p -> p.path("containerPort").asInt())
                .findFirst().orElseThrow(() -> new AssertionError("no container port named " + name));
    }

    /** A port given by name must name a container port; by number, it is that number. */
    static int resolvePort(JsonNode container, JsonNode port) {
        return port.isTextual() ? containerPort(container, port.asText()) : port.asInt();
    }

    static JsonNode env(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> e.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + name + " on the container"));
    }

    static JsonNode mount(JsonNode container, String path) {
        return StreamSupport.stream(container.path("volumeMounts").spliterator(), false)
                .filter(m -> m.path("mountPath").asText().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + path));
    }

    static JsonNode volume(JsonNode pod, String name) {
        return StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(v -> v.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    static Map<String, String> configMap(List<JsonNode> docs) {
        Map<String, String> data = new HashMap<>();
        one(docs, "ConfigMap").path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    /** What the service will see: the ConfigMap's variable, else application.properties. */
    static String setting(List<JsonNode> docs, String variable, String property) {
        String value = configMap(docs).get(variable);
        if (value != null) {
            return value;
        }
        try {
            value = applicationProperties().getProperty(property);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(value).as(property + " in application.properties").isNotNull();
        return value;
    }

    static int brokers(List<JsonNode> docs) {
        return docs.stream().filter(d -> d.path("kind").asText().equals("KafkaNodePool"))
                .filter(d -> texts(d.at("/spec/roles")).contains("broker"))
                .mapToInt(d -> d.at("/spec/replicas").asInt()).sum();
    }

    /** Every Secret a document names: env and envFrom references, volumes, projected sources. */
    static void secretsNamed(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                switch (e.getKey()) {
                    case "secretKeyRef", "secretRef" -> names.add(e.getValue().path("name").asText());
                    case "secret" -> names.add(e.getValue().path(
                            e.getValue().has("secretName") ? "secretName" : "name").asText());
                    default -> { }
                }
                secretsNamed(e.getValue(), names);
            });
        } else if (node.isArray()) {
            node.forEach(n -> secretsNamed(n, names));
        }
    }

    static Properties applicationProperties() throws IOException {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(PROJECT.resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        }
        return properties;
    }

    /** The project's own &lt;version&gt;: a child of &lt;project&gt;, not the parent's nor a dependency's. */
    static String projectVersion() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(PROJECT.resolve("pom.xml").toFile()).getDocumentElement();
            for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child instanceof Element element && "version".equals(element.getLocalName())) {
                    return element.getTextContent().trim();
                }
            }
            throw new AssertionError("pom.xml has no <project><version> of its own");
        } catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("cannot read pom.xml", e);
        }
    }
}
