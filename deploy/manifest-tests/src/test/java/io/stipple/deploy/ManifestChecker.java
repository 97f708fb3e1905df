package io.stipple.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.testinfra.JvmSizing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a rendered overlay must follow, checked against the build ({@link ProjectModel}). Returns
 * every violation as a readable sentence; an empty list means the overlay is fine.
 */
final class ManifestChecker {
    /** Runtime configuration every service needs from the cluster (the platform defaults read these). */
    static final List<String> PLATFORM_ENV = List.of("DB_URL", "DB_USER", "DB_PASSWORD", "DB_OWNER_USER", "DB_OWNER_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS", "JWT_ISSUER", "JWT_AUDIENCE", "JWT_PUBLIC_KEY_LOCATION", "STIPPLE_CORS_ORIGINS");
    static final Map<String, String> HEALTH = new LinkedHashMap<>();
    static {
        HEALTH.put("startupProbe", "/q/health/started");
        HEALTH.put("livenessProbe", "/q/health/live");
        HEALTH.put("readinessProbe", "/q/health/ready");
    }
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+)(?:\\?.*)?");
    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|API_KEY|ACCESS_KEY).*");
    /** Keys of a Secret that identify rather than authenticate, and may hold a real value. */
    private static final Set<String> NON_SECRET_KEYS = Set.of("username");
    private static final int POSTGRES_PORT = 5432;
    /** Connections kept for superuser_reserved_connections, the operator and monitoring. */
    private static final int RESERVED_CONNECTIONS = 10;

    /** What an environment must provide beyond the common rules. */
    record Expectations(String name, int minServiceReplicas, int minBrokers, int minControllers, int topicReplicas,
                        int minInsyncReplicas, int minDbInstances, boolean synchronousReplication,
                        boolean enforceRestrictedPodSecurity, boolean sideLoadedImages) {
        static Expectations production() {
            return new Expectations("prod", 2, 3, 3, 3, 2, 3, true, true, false);
        }

        /**
         * Development: anything that works on one node; replication settings only have to be consistent;
         * images may be side-loaded onto the node (kind load) and never pulled (imagePullPolicy Never).
         */
        static Expectations development() {
            return new Expectations("dev", 1, 1, 1, 0, 0, 1, false, false, true);
        }

        static Expectations forOverlay(String overlay) {
            return overlay.startsWith("prod") ? production() : development();
        }
    }

    private final ProjectModel project;
    private final List<ObjectNode> exampleSecrets;

    ManifestChecker(ProjectModel project) {
        this(project, examples(project.root().resolve("deploy/k8s/secrets/example.yaml")));
    }

    ManifestChecker(ProjectModel project, List<ObjectNode> exampleSecrets) {
        this.project = project;
        this.exampleSecrets = exampleSecrets;
    }

    private static List<ObjectNode> examples(Path file) {
        return Files.isRegularFile(file) ? Yaml.documents(file) : List.of();
    }

    List<String> check(Manifests manifests, Expectations expected) {
        Run run = new Run(manifests, expected);
        run.namespace();
        manifests.ofKind("Deployment").forEach(run::deployment);
        project.services().values().forEach(run::service);
        run.kafka();
        run.topics();
        run.postgres();
        run.ingress();
        run.secrets();
        run.networkPolicies();
        return run.violations;
    }

    /** One check of one overlay. */
    private final class Run {
        final Manifests m;
        final Expectations expected;
        final List<String> violations = new ArrayList<>();
        /** Which cluster/database each service uses, for the sharing and network checks. */
        final Map<String, String> serviceDbCluster = new TreeMap<>();
        final Map<String, String> databaseUsers = new HashMap<>();
        /** cluster/runtime role -> the service connecting as it. */
        final Map<String, String> runtimeRoleUsers = new HashMap<>();
        /** Cluster -> connections its clients may open at full scale, and who they are. */
        final Map<String, Integer> connectionDemand = new TreeMap<>();
        final Map<String, List<String>> connectionUsers = new TreeMap<>();

        Run(Manifests m, Expectations expected) {
            this.m = m;
            this.expected = expected;
        }

        void fail(String message) {
            violations.add("[" + m.overlay() + "] " + message);
        }

        // ---------------------------------------------------------------- namespace

        void namespace() {
            List<ObjectNode> namespaces = m.ofKind("Namespace");
            if (namespaces.size() != 1) {
                fail("the overlay must create exactly one Namespace, found " + namespaces.size());
                return;
            }
            ObjectNode ns = namespaces.get(0);
            for (ObjectNode resource : m.all()) {
                if (!Yaml.kind(resource).equals("Namespace") && !Yaml.namespace(resource).equals(Yaml.name(ns))) {
                    fail(Yaml.kind(resource) + " " + Yaml.name(resource) + " is not in namespace " + Yaml.name(ns));
                }
            }
            if (expected.enforceRestrictedPodSecurity()
                    && !"restricted".equals(Yaml.stringMap(ns, "/metadata/labels").get("pod-security.kubernetes.io/enforce"))) {
                fail("Namespace " + Yaml.name(ns) + " must enforce the restricted Pod Security Standard "
                        + "(label pod-security.kubernetes.io/enforce=restricted)");
            }
        }

        // ---------------------------------------------------------------- every Deployment

        void deployment(ObjectNode deployment) {
            String name = Yaml.name(deployment);
            boolean service = project.services().containsKey(name);
            JsonNode pod = deployment.at("/spec/template/spec");
            JsonNode podSecurity = pod.path("securityContext");
            for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
                if (pod.path(host).asBoolean(false)) {
                    fail("Deployment " + name + " uses " + host);
                }
            }
            Map<String, JsonNode> volumes = new HashMap<>();
            for (JsonNode volume : Yaml.list(pod, "/volumes")) {
                volumes.put(volume.path("name").asText(), volume);
                if (volume.has("hostPath")) {
                    fail("Deployment " + name + " mounts a hostPath volume " + volume.path("name").asText());
                }
            }
            List<JsonNode> containers = Yaml.list(pod, "/containers");
            if (containers.isEmpty()) {
                fail("Deployment " + name + " has no containers");
            }
            List<JsonNode> all = new ArrayList<>(containers);
            all.addAll(Yaml.list(pod, "/initContainers"));
            for (JsonNode container : all) {
                String label = "Deployment " + name + " container " + container.path("name").asText();
                boolean init = !containers.contains(container);
                if (!init) {
                    probes(label, container, service);
                    resources(label, container);
                }
                security(label, container, podSecurity);
                tmp(label, container, volumes);
                pullPolicy(label, container);
            }
            if (service) {
                gracefulShutdown(deployment, containers.isEmpty() ? null : containers.get(0));
            }
        }

        void probes(String label, JsonNode container, boolean service) {
            Set<String> portNames = new TreeSet<>();
            for (JsonNode port : Yaml.list(container, "/ports")) {
                portNames.add(port.path("name").asText());
                portNames.add(port.path("containerPort").asText());
            }
            HEALTH.forEach((probe, path) -> {
                JsonNode spec = container.path(probe);
                if (!spec.isObject() || spec.isEmpty()) {
                    fail(label + " has no " + probe);
                    return;
                }
                if (service) {
                    if (!path.equals(spec.at("/httpGet/path").asText())) {
                        fail(label + " " + probe + " must GET " + path + ", not " + spec.at("/httpGet/path").asText("(none)"));
                    }
                    if (!portNames.contains(spec.at("/httpGet/port").asText())) {
                        fail(label + " " + probe + " port " + spec.at("/httpGet/port").asText() + " is not a port of the container");
                    }
                }
            });
        }

        void resources(String label, JsonNode container) {
            JsonNode resources = container.path("resources");
            for (String pointer : List.of("/requests/cpu", "/requests/memory", "/limits/memory")) {
                if (Yaml.text(resources, pointer) == null) {
                    fail(label + " has no " + pointer.substring(1).replace('/', '.') + " (resources)");
                }
            }
            String request = Yaml.text(resources, "/requests/memory");
            String limit = Yaml.text(resources, "/limits/memory");
            if (request != null && limit != null && bytes(limit) < bytes(request)) {
                fail(label + " memory limit " + limit + " is below its request " + request);
            }
        }

        void security(String label, JsonNode container, JsonNode podSecurity) {
            JsonNode sc = container.path("securityContext");
            boolean nonRoot = sc.has("runAsNonRoot") ? sc.path("runAsNonRoot").asBoolean() : podSecurity.path("runAsNonRoot").asBoolean(false);
            if (!nonRoot) {
                fail(label + " must set runAsNonRoot: true (restricted Pod Security)");
            }
            long user = sc.has("runAsUser") ? sc.path("runAsUser").asLong() : podSecurity.path("runAsUser").asLong(-1);
            if (user == 0) {
                fail(label + " runs as root (runAsUser 0)");
            }
            if (!sc.has("allowPrivilegeEscalation") || sc.path("allowPrivilegeEscalation").asBoolean(true)) {
                fail(label + " must set allowPrivilegeEscalation: false");
            }
            if (sc.path("privileged").asBoolean(false)) {
                fail(label + " is privileged");
            }
            Set<String> dropped = new TreeSet<>();
            Yaml.list(sc, "/capabilities/drop").forEach(c -> dropped.add(c.asText()));
            if (!dropped.contains("ALL")) {
                fail(label + " must drop ALL capabilities");
            }
            for (JsonNode added : Yaml.list(sc, "/capabilities/add")) {
                if (!added.asText().equals("NET_BIND_SERVICE")) {
                    fail(label + " adds capability " + added.asText());
                }
            }
            String seccomp = sc.at("/seccompProfile/type").asText(podSecurity.at("/seccompProfile/type").asText(""));
            if (!seccomp.equals("RuntimeDefault") && !seccomp.equals("Localhost")) {
                fail(label + " must use the RuntimeDefault seccomp profile");
            }
            if (!sc.path("readOnlyRootFilesystem").asBoolean(false)) {
                fail(label + " must set readOnlyRootFilesystem: true");
            }
        }

        /**
         * A mutable tag (-SNAPSHOT, latest, none) is rebuilt under the same name: with IfNotPresent a node
         * keeps running the first copy it pulled, so it must be pulled Always. A release tag never changes
         * and is pulled IfNotPresent (Always would make every pod start depend on the registry). An
         * environment with side-loaded images may use Never for either.
         */
        void pullPolicy(String label, JsonNode container) {
            String image = container.path("image").asText();
            String tag = image.contains("@") ? null : ProjectModel.ImageRef.parse(image, false).tag();
            boolean mutable = !image.contains("@") && (tag == null || tag.equals("latest") || tag.toUpperCase(Locale.ROOT).endsWith("-SNAPSHOT"));
            String policy = container.path("imagePullPolicy").asText(mutable && (tag == null || tag.equals("latest")) ? "Always" : "IfNotPresent");
            if (policy.equals("Never") && expected.sideLoadedImages()) {
                return;
            }
            if (mutable && !policy.equals("Always")) {
                fail(label + " runs the mutable tag " + image + " with imagePullPolicy " + policy
                        + ": a node would keep a stale copy of it; use Always (or a release tag)");
            } else if (!mutable && !policy.equals("IfNotPresent")) {
                fail(label + " runs the release image " + image + " with imagePullPolicy " + policy + "; a release tag never changes: use IfNotPresent");
            }
        }

        void tmp(String label, JsonNode container, Map<String, JsonNode> volumes) {
            boolean writableTmp = Yaml.list(container, "/volumeMounts").stream()
                    .filter(mount -> mount.path("mountPath").asText().equals("/tmp"))
                    .map(mount -> volumes.get(mount.path("name").asText()))
                    .anyMatch(volume -> volume != null && volume.has("emptyDir"));
            if (!writableTmp) {
                fail(label + " needs an emptyDir volume mounted at /tmp (the root filesystem is read-only)");
            }
        }

        void gracefulShutdown(ObjectNode deployment, JsonNode container) {
            String name = Yaml.name(deployment);
            if (container == null) {
                return;
            }
            Optional<String> timeout = env(deployment, container, "QUARKUS_SHUTDOWN_TIMEOUT").map(EnvValue::value)
                    .or(() -> project.services().get(name).config().get("quarkus.shutdown.timeout"));
            if (timeout.isEmpty() || timeout.get() == null) {
                fail("Deployment " + name + " has no graceful shutdown: set quarkus.shutdown.timeout (QUARKUS_SHUTDOWN_TIMEOUT)");
                return;
            }
            long needed = seconds(timeout.get()) + container.at("/lifecycle/preStop/sleep/seconds").asLong(0);
            JsonNode grace = deployment.at("/spec/template/spec/terminationGracePeriodSeconds");
            if (grace.isMissingNode() || grace.asLong() <= needed) {
                fail("Deployment " + name + " terminationGracePeriodSeconds (" + grace.asText("default 30")
                        + ") must exceed preStop + quarkus.shutdown.timeout (" + needed + " s)");
            }
        }

        // ---------------------------------------------------------------- each service of the build

        void service(ProjectModel.Service service) {
            String name = service.artifactId();
            Optional<ObjectNode> found = m.find("Deployment", name);
            if (found.isEmpty()) {
                fail("service " + name + " has no Deployment named " + name);
                return;
            }
            ObjectNode deployment = found.get();
            List<JsonNode> containers = Yaml.list(deployment, "/spec/template/spec/containers");
            JsonNode container = containers.stream().filter(c -> c.path("name").asText().equals(name)).findFirst()
                    .orElse(containers.isEmpty() ? null : containers.get(0));
            if (container == null) {
                return;
            }
            image(name, container, service);
            service.generatedManifest().ifPresent(file -> generated(name, container, file));
            port(deployment, container, service);
            environment(deployment, container, service);
            database(deployment, container, name);
            sizing(deployment, container, name);
            scaling(deployment);
            if (!automountDisabled(deployment)) {
                fail("Deployment " + name + " mounts a service account token it never uses (automountServiceAccountToken: false)");
            }
        }

        /**
         * The JVM runs with the flags deploy/sizing.properties records for the service, and the container's memory
         * limit covers the budget those flags cap (so the kernel never OOM-kills a JVM within its own limits), its
         * request the service's typical resident size.
         */
        void sizing(ObjectNode deployment, JsonNode container, String name) {
            JvmSizing sizing = JvmSizing.load(project.root());
            String want = sizing.javaToolOptions(name);
            String have = env(deployment, container, "JAVA_TOOL_OPTIONS").map(EnvValue::value).orElse(null);
            if (!want.equals(have)) {
                fail("Deployment " + name + " must run the JVM with JAVA_TOOL_OPTIONS \"" + want + "\" ("
                        + JvmSizing.FILE + "), not " + (have == null ? "none" : "\"" + have + "\""));
            }
            sizing.environment().forEach((variable, value) -> {
                String actual = env(deployment, container, variable).map(EnvValue::value).orElse(null);
                if (!value.equals(actual)) {
                    fail("Deployment " + name + " must set " + variable + "=" + value + " (" + JvmSizing.FILE + ")");
                }
            });
            String limit = Yaml.text(container.path("resources"), "/limits/memory");
            if (limit != null && bytes(limit) < sizing.budgetBytes(name)) {
                fail("Deployment " + name + " memory limit " + limit + " is below the JVM's budget of "
                        + sizing.budgetBytes(name) / (1024 * 1024) + " MiB (" + JvmSizing.FILE + ")");
            }
            String request = Yaml.text(container.path("resources"), "/requests/memory");
            if (request != null && bytes(request) < sizing.typicalBytes(name)) {
                fail("Deployment " + name + " memory request " + request + " is below its typical resident size of "
                        + sizing.typicalBytes(name) / (1024 * 1024) + " MiB (" + JvmSizing.FILE + ")");
            }
        }

        void image(String name, JsonNode container, ProjectModel.Service service) {
            ProjectModel.ImageRef want = service.image();
            ProjectModel.ImageRef have = ProjectModel.ImageRef.parse(container.path("image").asText(), false);
            boolean matches = Objects.equals(want.repository(), have.repository()) && Objects.equals(want.tag(), have.tag())
                    && (!want.registryFixed() || Objects.equals(want.registry(), have.registry()));
            if (!matches) {
                fail("Deployment " + name + " runs image " + container.path("image").asText()
                        + " but the build produces " + want + (want.registryFixed() ? "" : " (any registry)"));
            }
        }

        /**
         * The Deployment quarkus-kubernetes generated in this build (when the service was packaged before
         * this check, as in a full reactor build) must agree on image, HTTP port and health endpoints.
         */
        void generated(String name, JsonNode container, Path file) {
            Optional<JsonNode> built = Yaml.documents(file).stream()
                    .filter(r -> Yaml.kind(r).equals("Deployment")).findFirst()
                    .flatMap(d -> Yaml.list(d, "/spec/template/spec/containers").stream().findFirst());
            if (built.isEmpty()) {
                return;
            }
            String where = project.root().relativize(file).toString();
            ProjectModel.ImageRef builtImage = ProjectModel.ImageRef.parse(built.get().path("image").asText(), false);
            ProjectModel.ImageRef have = ProjectModel.ImageRef.parse(container.path("image").asText(), false);
            String builtRegistry = normalRegistry(builtImage.registry());
            boolean registryMatches = builtRegistry == null || builtRegistry.equals(normalRegistry(have.registry()));
            if (!builtImage.repository().equals(have.repository()) || !Objects.equals(builtImage.tag(), have.tag()) || !registryMatches) {
                fail("Deployment " + name + " runs image " + container.path("image").asText() + " but the build generated "
                        + built.get().path("image").asText() + " (" + where + ")");
            }
            String builtPort = Yaml.list(built.get(), "/ports").stream().filter(p -> p.path("name").asText().equals("http"))
                    .map(p -> p.path("containerPort").asText()).findFirst().orElse(null);
            String port = Yaml.list(container, "/ports").stream().filter(p -> p.path("name").asText().equals("http"))
                    .map(p -> p.path("containerPort").asText()).findFirst().orElse(null);
            if (builtPort != null && !builtPort.equals(port)) {
                fail("Deployment " + name + " http port " + port + " differs from the build's " + builtPort + " (" + where + ")");
            }
            for (String probe : HEALTH.keySet()) {
                String builtPath = Yaml.text(built.get(), "/" + probe + "/httpGet/path");
                String path = Yaml.text(container, "/" + probe + "/httpGet/path");
                if (builtPath != null && path != null && !builtPath.equals(path)) { // a missing probe is reported by probes()
                    fail("Deployment " + name + " " + probe + " path differs from the build's " + builtPath + " (" + where + ")");
                }
            }
        }

        void port(ObjectNode deployment, JsonNode container, ProjectModel.Service service) {
            int port = env(deployment, container, "QUARKUS_HTTP_PORT").map(EnvValue::value).filter(Objects::nonNull)
                    .map(Integer::parseInt).orElse(service.httpPort());
            boolean declared = Yaml.list(container, "/ports").stream()
                    .anyMatch(p -> p.path("name").asText().equals("http") && p.path("containerPort").asInt() == port);
            if (!declared) {
                fail("Deployment " + service.artifactId() + " must declare container port 'http' = " + port
                        + " (the port the service listens on)");
            }
        }

        void environment(ObjectNode deployment, JsonNode container, ProjectModel.Service service) {
            String name = service.artifactId();
            for (JsonNode from : Yaml.list(container, "/envFrom")) {
                String configMap = from.at("/configMapRef/name").asText(null);
                if (configMap != null && m.find("ConfigMap", configMap).isEmpty() && !from.at("/configMapRef/optional").asBoolean(false)) {
                    fail("Deployment " + name + " reads ConfigMap " + configMap + ", which the overlay does not define");
                }
            }
            Set<String> required = new TreeSet<>(PLATFORM_ENV);
            required.addAll(service.requiredEnvironment());
            for (String variable : required) {
                Optional<EnvValue> value = env(deployment, container, variable);
                if (value.isEmpty()) {
                    fail("Deployment " + name + " does not set " + variable);
                } else if (CREDENTIAL.matcher(variable).matches() && value.get().secret() == null) {
                    fail("Deployment " + name + " sets credential " + variable + " in plain text: take it from a Secret");
                }
            }
            for (String variable : environmentNames(container)) {
                if (!service.readsEnvironment(variable)) {
                    fail("Deployment " + name + " sets " + variable + ", which " + name
                            + " never reads (renamed in its configuration?)");
                }
            }
            env(deployment, container, "STIPPLE_CORS_ORIGINS").map(EnvValue::value).filter(Objects::nonNull)
                    .filter(origins -> origins.contains("*"))
                    .ifPresent(origins -> fail("Deployment " + name + " allows every CORS origin (" + origins + ")"));
            env(deployment, container, "KAFKA_BOOTSTRAP_SERVERS").map(EnvValue::value).filter(Objects::nonNull)
                    .ifPresent(servers -> bootstrap(name, servers));
        }

        void bootstrap(String name, String servers) {
            for (String server : servers.split(",")) {
                String[] hostPort = server.strip().split(":");
                String host = hostPort[0].split("\\.")[0];
                Optional<ObjectNode> kafka = m.ofKind("Kafka").stream()
                        .filter(k -> host.equals(Yaml.name(k) + "-kafka-bootstrap")).findFirst();
                if (kafka.isEmpty()) {
                    fail("Deployment " + name + " connects to Kafka at " + server + ", which is no Kafka bootstrap service of the overlay");
                    continue;
                }
                boolean listener = hostPort.length == 2 && Yaml.list(kafka.get(), "/spec/kafka/listeners").stream()
                        .anyMatch(l -> l.path("port").asText().equals(hostPort[1]));
                if (!listener) {
                    fail("Deployment " + name + " connects to Kafka at " + server + ": no such listener port");
                }
            }
        }

        void database(ObjectNode deployment, JsonNode container, String name) {
            Optional<String> url = env(deployment, container, "DB_URL").map(EnvValue::value).filter(Objects::nonNull);
            if (url.isEmpty()) {
                return; // reported by environment()
            }
            Matcher jdbc = JDBC.matcher(url.get());
            if (!jdbc.matches()) {
                fail("Deployment " + name + " DB_URL is not a PostgreSQL JDBC URL: " + url.get());
                return;
            }
            String host = jdbc.group(1).split("\\.")[0];
            String database = jdbc.group(3);
            if (jdbc.group(2) != null && Integer.parseInt(jdbc.group(2)) != POSTGRES_PORT) {
                fail("Deployment " + name + " DB_URL uses port " + jdbc.group(2) + ", CloudNativePG serves " + POSTGRES_PORT);
            }
            Optional<ObjectNode> cluster = m.ofKind("Cluster").stream().filter(c -> host.equals(Yaml.name(c) + "-rw")).findFirst();
            if (cluster.isEmpty()) {
                fail("Deployment " + name + " DB_URL host " + host + " is not the read-write service (<cluster>-rw) of a CloudNativePG Cluster");
                return;
            }
            String clusterName = Yaml.name(cluster.get());
            String previous = databaseUsers.put(clusterName + "/" + database, name);
            if (previous != null) {
                fail("services " + previous + " and " + name + " share database " + database + ": each owns its own");
            }
            serviceDbCluster.put(name, clusterName);
            int pool = env(deployment, container, "QUARKUS_DATASOURCE_JDBC_MAX_SIZE").map(EnvValue::value).filter(Objects::nonNull)
                    .or(() -> project.services().get(name).config().get("quarkus.datasource.jdbc.max-size"))
                    .map(Integer::parseInt).orElse(20);
            int pods = maxPods(deployment);
            connectionDemand.merge(clusterName, pool * pods, Integer::sum);
            connectionUsers.computeIfAbsent(clusterName, k -> new ArrayList<>()).add(name + " " + pods + " x " + pool);
            Optional<String> owner = m.ofKind("Database").stream()
                    .filter(d -> clusterName.equals(d.at("/spec/cluster/name").asText()) && database.equals(d.at("/spec/name").asText())
                            && !"absent".equals(d.at("/spec/ensure").asText()))
                    .map(d -> d.at("/spec/owner").asText()).findFirst()
                    .or(() -> database.equals(cluster.get().at("/spec/bootstrap/initdb/database").asText())
                            ? Optional.of(cluster.get().at("/spec/bootstrap/initdb/owner").asText()) : Optional.empty());
            if (owner.isEmpty()) {
                fail("Deployment " + name + " uses database " + database + ", which cluster " + clusterName + " does not create (Database resource)");
                return;
            }
            roles(deployment, container, name, cluster.get(), database, owner.get());
        }

        /**
         * The two roles of a service's database: Flyway migrates as the owner (DB_OWNER_USER /
         * DB_OWNER_PASSWORD), the pool connects as a runtime role (DB_USER / DB_PASSWORD) that owns nothing,
         * is no member of an owner and has no attribute that escapes Row-Level Security; both come from the
         * password Secret of their managed role, and pg_hba lets both into this database only.
         */
        void roles(ObjectNode deployment, JsonNode container, String name, ObjectNode cluster, String database, String owner) {
            String clusterName = Yaml.name(cluster);
            Map<String, String> owners = databaseOwners(cluster);
            Optional<JsonNode> ownerRole = managedRole(cluster, owner);
            if (ownerRole.isEmpty() || !ownerRole.get().path("login").asBoolean(false)) {
                fail("cluster " + clusterName + " has no managed login role " + owner + " (owner of " + database + ")");
            } else {
                escapes(ownerRole.get(), List.of("superuser", "bypassrls")).ifPresent(attributes -> fail("cluster " + clusterName
                        + " role " + owner + ", the owner of " + database + ", has " + attributes
                        + ": Flyway needs to own the tables, nothing more"));
            }
            Optional<EnvValue> user = env(deployment, container, "DB_USER");
            Optional<String> runtime = user.flatMap(u -> roleOf(cluster, u));
            if (user.isPresent() && user.get().secret() != null && runtime.isEmpty()) {
                fail("Deployment " + name + " takes DB_USER from Secret " + user.get().secret()
                        + ", which holds the password of no managed role of cluster " + clusterName);
            }
            boolean runtimeSound = false;
            if (runtime.isPresent()) {
                String role = runtime.get();
                List<String> owned = owners.entrySet().stream().filter(e -> e.getValue().equals(role)).map(Map.Entry::getKey).toList();
                Optional<JsonNode> entry = managedRole(cluster, role);
                if (!owned.isEmpty()) {
                    fail("Deployment " + name + "'s DB_USER names role " + role + ", the owner of database " + String.join(", ", owned)
                            + ": the service must connect as a runtime role that owns nothing and cannot bypass Row-Level Security "
                            + "(only Flyway uses the owner, through DB_OWNER_USER)");
                } else if (entry.isEmpty() || !entry.get().path("login").asBoolean(false)) {
                    fail("cluster " + clusterName + " has no managed login role " + role + " (runtime role of " + name + ", DB_USER)");
                } else {
                    runtimeSound = true;
                    escapes(entry.get(), List.of("superuser", "bypassrls", "createdb", "createrole", "replication"))
                            .ifPresent(attributes -> fail("cluster " + clusterName + " role " + role + ", the runtime role of " + name
                                    + ", has " + attributes + ": it must be NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOREPLICATION, "
                                    + "or Row-Level Security does not bind it"));
                    for (JsonNode member : Yaml.list(entry.get(), "/inRoles")) {
                        String parent = member.asText();
                        owners.entrySet().stream().filter(e -> e.getValue().equals(parent)).findFirst()
                                .ifPresent(e -> fail("cluster " + clusterName + " role " + role + ", the runtime role of " + name
                                        + ", is a member of " + parent + " (inRoles), the owner of database " + e.getKey()
                                        + ": it could act as the owner and switch Row-Level Security off"));
                    }
                    String previous = runtimeRoleUsers.put(clusterName + "/" + role, name);
                    if (previous != null) {
                        fail("services " + previous + " and " + name + " both connect as role " + role + ": each has its own runtime role");
                    }
                }
            }
            // Each credential from the password Secret of its role, user name and password from the same one.
            Map<String, String> roleOfVariable = new LinkedHashMap<>();
            runtime.ifPresent(role -> {
                roleOfVariable.put("DB_USER", role);
                roleOfVariable.put("DB_PASSWORD", role);
            });
            roleOfVariable.put("DB_OWNER_USER", owner);
            roleOfVariable.put("DB_OWNER_PASSWORD", owner);
            roleOfVariable.forEach((variable, role) -> {
                Optional<EnvValue> value = env(deployment, container, variable);
                Optional<String> roleSecret = passwordSecret(cluster, role);
                if (value.isEmpty() || roleSecret.isEmpty()) {
                    return; // reported by environment() / above
                }
                String key = variable.endsWith("_USER") ? "username" : "password";
                if (value.get().secret() == null) {
                    if (!CREDENTIAL.matcher(variable).matches()) { // a password in plain text is reported by environment()
                        fail("Deployment " + name + " sets " + variable + " in plain text: take it from key '" + key + "' of Secret "
                                + roleSecret.get() + ", role " + role + "'s");
                    }
                } else if (!roleSecret.get().equals(value.get().secret())) {
                    fail("Deployment " + name + " takes " + variable + " from Secret " + value.get().secret() + ", but role " + role
                            + "'s credentials are in Secret " + roleSecret.get());
                } else if (value.get().key() != null && !key.equals(value.get().key())) {
                    fail("Deployment " + name + " takes " + variable + " from key '" + value.get().key() + "' of Secret "
                            + roleSecret.get() + "; it is under '" + key + "'");
                }
            });
            List<String> hba = Yaml.list(cluster, "/spec/postgresql/pg_hba").stream()
                    .map(rule -> rule.asText().trim().replaceAll("\\s+", " ")).toList();
            boolean rejectOthers = hba.stream().anyMatch(rule -> rule.matches("host(ssl)? all all \\S+ reject"));
            List<String> connecting = new ArrayList<>(List.of(owner));
            if (runtimeSound) {
                connecting.add(runtime.get());
            }
            for (String role : connecting) {
                boolean ownRule = hba.stream().anyMatch(rule -> rule.matches("host(ssl)? " + Pattern.quote(database) + " "
                        + Pattern.quote(role) + " \\S+ (scram-sha-256|md5)"));
                if (!ownRule || !rejectOthers) {
                    fail("cluster " + clusterName + " pg_hba must let role " + role + " into database " + database
                            + " only (a 'hostssl " + database + " " + role + " all scram-sha-256' rule and a final 'host all all all reject')");
                }
            }
        }

        /** Database -> owner, for every database the cluster creates (bootstrap and Database resources). */
        Map<String, String> databaseOwners(ObjectNode cluster) {
            Map<String, String> owners = new TreeMap<>();
            String bootstrap = Yaml.text(cluster, "/spec/bootstrap/initdb/database");
            if (bootstrap != null) {
                owners.put(bootstrap, cluster.at("/spec/bootstrap/initdb/owner").asText(bootstrap));
            }
            m.ofKind("Database").stream()
                    .filter(d -> Yaml.name(cluster).equals(d.at("/spec/cluster/name").asText()) && !"absent".equals(d.at("/spec/ensure").asText()))
                    .forEach(d -> owners.put(d.at("/spec/name").asText(), d.at("/spec/owner").asText()));
            return owners;
        }

        Optional<JsonNode> managedRole(ObjectNode cluster, String role) {
            return Yaml.list(cluster, "/spec/managed/roles").stream()
                    .filter(r -> r.path("name").asText().equals(role) && !"absent".equals(r.path("ensure").asText())).findFirst();
        }

        /** The Secret CloudNativePG sets the role's password from (its managed role, else the bootstrap owner's). */
        Optional<String> passwordSecret(ObjectNode cluster, String role) {
            return managedRole(cluster, role).map(r -> Yaml.text(r, "/passwordSecret/name"))
                    .or(() -> role.equals(Yaml.text(cluster, "/spec/bootstrap/initdb/owner"))
                            ? Optional.ofNullable(Yaml.text(cluster, "/spec/bootstrap/initdb/secret/name")) : Optional.empty());
        }

        /** The role a DB_USER names: its literal value, or the role whose password Secret it is read from. */
        Optional<String> roleOf(ObjectNode cluster, EnvValue user) {
            if (user.value() != null) {
                return Optional.of(user.value());
            }
            if (user.secret() == null) {
                return Optional.empty();
            }
            return Yaml.list(cluster, "/spec/managed/roles").stream()
                    .filter(r -> !"absent".equals(r.path("ensure").asText()) && user.secret().equals(r.at("/passwordSecret/name").asText()))
                    .map(r -> r.path("name").asText()).findFirst()
                    .or(() -> user.secret().equals(Yaml.text(cluster, "/spec/bootstrap/initdb/secret/name"))
                            ? Optional.ofNullable(Yaml.text(cluster, "/spec/bootstrap/initdb/owner")) : Optional.empty());
        }

        /** The role attributes among those named that a managed role switches on, e.g. "SUPERUSER, BYPASSRLS". */
        Optional<String> escapes(JsonNode role, List<String> attributes) {
            List<String> on = attributes.stream().filter(a -> role.path(a).asBoolean(false)).map(a -> a.toUpperCase(Locale.ROOT)).toList();
            return on.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", on));
        }

        /** The most pods the Deployment can run: its HPA's maximum, else its replicas. */
        int maxPods(ObjectNode deployment) {
            return m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(Yaml.name(deployment)))
                    .mapToInt(h -> h.at("/spec/maxReplicas").asInt(1)).max()
                    .orElse(deployment.at("/spec/replicas").asInt(1));
        }

        void scaling(ObjectNode deployment) {
            String name = Yaml.name(deployment);
            Map<String, String> podLabels = Yaml.stringMap(deployment, "/spec/template/metadata/labels");
            List<ObjectNode> hpas = m.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(h -> h.at("/spec/scaleTargetRef/kind").asText().equals("Deployment")
                            && h.at("/spec/scaleTargetRef/name").asText().equals(name)).toList();
            int minReplicas;
            if (hpas.isEmpty()) {
                fail("Deployment " + name + " has no HorizontalPodAutoscaler");
                minReplicas = deployment.at("/spec/replicas").asInt(1);
            } else {
                JsonNode hpa = hpas.get(0);
                minReplicas = hpa.at("/spec/minReplicas").asInt(1);
                if (hpa.at("/spec/maxReplicas").asInt(0) < minReplicas) {
                    fail("HorizontalPodAutoscaler " + name + " maxReplicas is below minReplicas");
                }
                if (Yaml.list(hpa, "/spec/metrics").isEmpty()) {
                    fail("HorizontalPodAutoscaler " + name + " has no metrics");
                }
            }
            if (minReplicas < expected.minServiceReplicas()) {
                fail("Deployment " + name + " runs " + minReplicas + " replica(s) at minimum; " + expected.name()
                        + " needs " + expected.minServiceReplicas() + "+");
            }
            if (deployment.at("/spec/replicas").isNumber() && deployment.at("/spec/replicas").asInt() < expected.minServiceReplicas()) {
                fail("Deployment " + name + " replicas is below " + expected.minServiceReplicas());
            }
            List<ObjectNode> pdbs = m.ofKind("PodDisruptionBudget").stream()
                    .filter(p -> selects(Yaml.stringMap(p, "/spec/selector/matchLabels"), podLabels)).toList();
            if (pdbs.isEmpty()) {
                fail("Deployment " + name + " has no PodDisruptionBudget");
            }
            for (ObjectNode pdb : pdbs) {
                JsonNode minAvailable = pdb.at("/spec/minAvailable");
                JsonNode maxUnavailable = pdb.at("/spec/maxUnavailable");
                if ((minAvailable.isInt() && minAvailable.asInt() >= minReplicas)
                        || (maxUnavailable.isInt() && maxUnavailable.asInt() == 0)
                        || "100%".equals(minAvailable.asText()) || "0%".equals(maxUnavailable.asText())) {
                    fail("PodDisruptionBudget " + Yaml.name(pdb) + " never allows an eviction: nodes cannot be drained");
                }
            }
            boolean exposed = m.ofKind("Service").stream()
                    .anyMatch(s -> !Yaml.stringMap(s, "/spec/selector").isEmpty()
                            && selects(Yaml.stringMap(s, "/spec/selector"), podLabels)
                            && Yaml.list(s, "/spec/ports").stream().anyMatch(p -> p.path("targetPort").asText().equals("http")));
            if (!exposed) {
                fail("Deployment " + name + " has no Service targeting its 'http' port");
            }
        }

        boolean automountDisabled(ObjectNode deployment) {
            JsonNode pod = deployment.at("/spec/template/spec");
            if (pod.has("automountServiceAccountToken")) {
                return !pod.path("automountServiceAccountToken").asBoolean(true);
            }
            String account = pod.path("serviceAccountName").asText("default");
            return m.find("ServiceAccount", account).map(sa -> !sa.path("automountServiceAccountToken").asBoolean(true)).orElse(false);
        }

        // ---------------------------------------------------------------- Kafka

        int brokers(String cluster) {
            return poolReplicas(cluster, "broker");
        }

        int poolReplicas(String cluster, String role) {
            return m.ofKind("KafkaNodePool").stream()
                    .filter(p -> cluster.equals(Yaml.stringMap(p, "/metadata/labels").get("strimzi.io/cluster")))
                    .filter(p -> Yaml.list(p, "/spec/roles").stream().anyMatch(r -> r.asText().equals(role)))
                    .mapToInt(p -> p.at("/spec/replicas").asInt(0)).sum();
        }

        void kafka() {
            List<ObjectNode> clusters = m.ofKind("Kafka");
            if (clusters.isEmpty()) {
                fail("no Kafka cluster (Strimzi Kafka resource)");
            }
            for (ObjectNode kafka : clusters) {
                String name = Yaml.name(kafka);
                int brokers = brokers(name);
                int controllers = poolReplicas(name, "controller");
                if (brokers < expected.minBrokers()) {
                    fail("Kafka " + name + " has " + brokers + " broker(s); " + expected.name() + " needs " + expected.minBrokers());
                }
                if (controllers < expected.minControllers() || controllers % 2 == 0) {
                    fail("Kafka " + name + " has " + controllers + " KRaft controller(s); needs an odd number, at least "
                            + expected.minControllers());
                }
                JsonNode config = kafka.at("/spec/kafka/config");
                if (config.path("auto.create.topics.enable").asBoolean(true)) {
                    fail("Kafka " + name + " must set auto.create.topics.enable: false (every topic is a KafkaTopic)");
                }
                int rf = config.path("default.replication.factor").asInt(1);
                int minIsr = config.path("min.insync.replicas").asInt(1);
                if (rf > brokers) {
                    fail("Kafka " + name + " default.replication.factor " + rf + " exceeds its " + brokers + " broker(s)");
                }
                if (expected.topicReplicas() > 0 && (rf != expected.topicReplicas() || minIsr != expected.minInsyncReplicas())) {
                    fail("Kafka " + name + " must default to replication factor " + expected.topicReplicas()
                            + " and min.insync.replicas " + expected.minInsyncReplicas());
                }
                for (String internal : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor")) {
                    if (config.path(internal).asInt(3) > brokers) {
                        fail("Kafka " + name + " " + internal + " exceeds its " + brokers + " broker(s)");
                    }
                }
            }
        }

        void topics() {
            Map<String, ObjectNode> declared = new TreeMap<>();
            for (ObjectNode topic : m.ofKind("KafkaTopic")) {
                declared.put(topic.at("/spec/topicName").asText(Yaml.name(topic)), topic);
            }
            project.requiredTopics().forEach((topic, user) -> {
                if (!declared.containsKey(topic)) {
                    fail("topic " + topic + " (used by " + user + ") has no KafkaTopic");
                }
            });
            declared.forEach((topicName, topic) -> {
                String cluster = Yaml.stringMap(topic, "/metadata/labels").get("strimzi.io/cluster");
                Optional<ObjectNode> kafka = m.find("Kafka", cluster == null ? "" : cluster);
                if (kafka.isEmpty()) {
                    fail("KafkaTopic " + topicName + " names no Kafka cluster of the overlay (label strimzi.io/cluster)");
                    return;
                }
                int brokers = brokers(cluster);
                int replicas = topic.at("/spec/replicas").asInt(kafka.get().at("/spec/kafka/config/default.replication.factor").asInt(1));
                int minIsr = topic.at("/spec/config/min.insync.replicas").asInt(kafka.get().at("/spec/kafka/config/min.insync.replicas").asInt(1));
                if (topic.at("/spec/partitions").asInt(0) < 1) {
                    fail("KafkaTopic " + topicName + " must choose its partitions");
                }
                if (Yaml.text(topic, "/spec/config/retention.ms") == null && Yaml.text(topic, "/spec/config/retention.bytes") == null) {
                    fail("KafkaTopic " + topicName + " must choose its retention (retention.ms)");
                }
                if (replicas > brokers) {
                    fail("KafkaTopic " + topicName + " wants " + replicas + " replicas on " + brokers + " broker(s)");
                }
                if (replicas > 1 && minIsr >= replicas) {
                    fail("KafkaTopic " + topicName + " min.insync.replicas " + minIsr + " leaves no broker to lose (replicas " + replicas + ")");
                }
                if (minIsr > replicas) {
                    fail("KafkaTopic " + topicName + " min.insync.replicas " + minIsr + " exceeds its replicas " + replicas);
                }
                if (expected.topicReplicas() > 0 && (replicas < expected.topicReplicas() || minIsr < expected.minInsyncReplicas())) {
                    fail("KafkaTopic " + topicName + " needs " + expected.topicReplicas() + " replicas and min.insync.replicas "
                            + expected.minInsyncReplicas() + " in " + expected.name());
                }
            });
        }

        // ---------------------------------------------------------------- PostgreSQL

        void postgres() {
            List<ObjectNode> clusters = m.ofKind("Cluster");
            if (clusters.isEmpty()) {
                fail("no PostgreSQL cluster (CloudNativePG Cluster resource)");
            }
            for (ObjectNode cluster : clusters) {
                String name = Yaml.name(cluster);
                if (cluster.at("/spec/instances").asInt(1) < expected.minDbInstances()) {
                    fail("Cluster " + name + " has " + cluster.at("/spec/instances").asInt(1) + " instance(s); "
                            + expected.name() + " needs " + expected.minDbInstances());
                }
                boolean synchronous = cluster.at("/spec/postgresql/synchronous/number").asInt(0) >= 1
                        || cluster.at("/spec/minSyncReplicas").asInt(0) >= 1;
                if (expected.synchronousReplication() && !synchronous) {
                    fail("Cluster " + name + " must replicate synchronously (spec.postgresql.synchronous)");
                }
                int maxConnections = cluster.at("/spec/postgresql/parameters/max_connections").asInt(100);
                int demand = connectionDemand.getOrDefault(name, 0);
                if (demand + RESERVED_CONNECTIONS > maxConnections) {
                    fail("Cluster " + name + " max_connections " + maxConnections + " is below what its clients may open at full scale: "
                            + demand + " (" + String.join(", ", connectionUsers.get(name)) + ") + " + RESERVED_CONNECTIONS
                            + " for the operator and superuser");
                }
                if (synchronous && cluster.at("/spec/instances").asInt(1) < 2) {
                    fail("Cluster " + name + " asks for synchronous replication with no standby");
                }
            }
        }

        // ---------------------------------------------------------------- Ingress

        void ingress() {
            Map<String, String> owners = ApiOwnership.owners(project);
            for (ProjectModel.Service service : project.services().values()) {
                for (String prefix : service.apiPrefixes()) {
                    String owner = ApiOwnership.DOCUMENTED.get(prefix);
                    if (owner != null && !owner.equals(service.artifactId())) {
                        fail("the code of " + service.artifactId() + " serves " + prefix + ", which " + owner + " owns");
                    }
                }
            }
            record Route(String ingress, String host, String path, String pathType, String service, String port) {
            }
            List<Route> routes = new ArrayList<>();
            for (ObjectNode ingress : m.ofKind("Ingress")) {
                for (JsonNode rule : Yaml.list(ingress, "/spec/rules")) {
                    for (JsonNode path : Yaml.list(rule, "/http/paths")) {
                        routes.add(new Route(Yaml.name(ingress), rule.path("host").asText("*"), path.path("path").asText("/"),
                                path.path("pathType").asText(), path.at("/backend/service/name").asText(),
                                path.at("/backend/service/port/name").asText(path.at("/backend/service/port/number").asText())));
                    }
                }
            }
            if (routes.isEmpty()) {
                fail("no Ingress routes the API");
            }
            owners.forEach((prefix, owner) -> {
                if (!project.services().containsKey(owner)) {
                    return;
                }
                List<Route> matching = routes.stream().filter(r -> r.path().equals(prefix)).toList();
                if (matching.isEmpty()) {
                    fail("no Ingress routes " + prefix + " (owned by " + owner + ")");
                }
            });
            for (Route route : routes) {
                // (a route above it, such as a catch-all "/", is reported below: no service owns it)
                if (route.path().equals(ApiOwnership.INTERNAL) || route.path().startsWith(ApiOwnership.INTERNAL + "/")) {
                    fail("Ingress " + route.ingress() + " routes " + route.path() + ", which exposes the server-to-server "
                            + ApiOwnership.INTERNAL + " operations outside the cluster");
                }
                String owner = owners.get(route.path());
                if (owner == null) {
                    fail("Ingress " + route.ingress() + " routes " + route.path() + " to " + route.service()
                            + ", but no service owns that prefix");
                } else if (!owner.equals(route.service())) {
                    fail("Ingress " + route.ingress() + " routes " + route.path() + " to " + route.service() + ", but " + owner + " owns it");
                }
                if (!"Prefix".equals(route.pathType())) {
                    fail("Ingress " + route.ingress() + " path " + route.path() + " must use pathType Prefix");
                }
                Optional<ObjectNode> backend = m.find("Service", route.service());
                boolean port = backend.isPresent() && Yaml.list(backend.get(), "/spec/ports").stream()
                        .anyMatch(p -> p.path("name").asText().equals(route.port()) || p.path("port").asText().equals(route.port()));
                if (!port) {
                    fail("Ingress " + route.ingress() + " routes " + route.path() + " to " + route.service() + ":" + route.port()
                            + ", which is no Service port of the overlay");
                }
            }
        }

        // ---------------------------------------------------------------- Secrets

        void secrets() {
            for (ObjectNode secret : m.ofKind("Secret")) {
                realData(secret).forEach(key -> fail("Secret " + Yaml.name(secret) + " carries real data in '" + key
                        + "': commit placeholders only (CHANGE_ME), create real Secrets in the cluster"));
            }
            for (ObjectNode example : exampleSecrets) {
                realData(example).forEach(key -> fail("secrets/example.yaml: Secret " + Yaml.name(example)
                        + " carries real data in '" + key + "'"));
            }
            roleSecretUsernames();
            Set<String> operatorSecrets = new TreeSet<>();
            m.ofKind("Cluster").forEach(c -> List.of("-ca", "-server", "-replication", "-app", "-superuser")
                    .forEach(suffix -> operatorSecrets.add(Yaml.name(c) + suffix)));
            m.ofKind("Ingress").forEach(i -> Yaml.list(i, "/spec/tls").forEach(t -> operatorSecrets.add(t.path("secretName").asText())));
            for (Map.Entry<String, Set<String>> reference : secretReferences().entrySet()) {
                String name = reference.getKey();
                if (operatorSecrets.contains(name)) {
                    continue;
                }
                Optional<ObjectNode> defined = m.find("Secret", name)
                        .or(() -> exampleSecrets.stream().filter(s -> Yaml.name(s).equals(name)).findFirst());
                if (defined.isEmpty()) {
                    fail("Secret " + name + " is referenced but not described in deploy/k8s/secrets/example.yaml");
                    continue;
                }
                Set<String> keys = new TreeSet<>();
                defined.get().path("data").fieldNames().forEachRemaining(keys::add);
                defined.get().path("stringData").fieldNames().forEachRemaining(keys::add);
                for (String key : reference.getValue()) {
                    if (!keys.contains(key)) {
                        fail("Secret " + name + " is read with key '" + key + "', which the example does not have");
                    }
                }
            }
        }

        /**
         * CloudNativePG sets a role's password from a basic-auth Secret whose username must be the role's
         * name; the service reads the same Secret as its user name, so a wrong username would connect it
         * as another role (the owner, say) or not at all.
         */
        void roleSecretUsernames() {
            for (ObjectNode cluster : m.ofKind("Cluster")) {
                Map<String, String> secretRoles = new TreeMap<>();
                for (JsonNode role : Yaml.list(cluster, "/spec/managed/roles")) {
                    String secret = Yaml.text(role, "/passwordSecret/name");
                    if (secret != null && !"absent".equals(role.path("ensure").asText())) {
                        secretRoles.put(secret, role.path("name").asText());
                    }
                }
                String bootstrap = Yaml.text(cluster, "/spec/bootstrap/initdb/secret/name");
                if (bootstrap != null) {
                    secretRoles.putIfAbsent(bootstrap, Yaml.text(cluster, "/spec/bootstrap/initdb/owner"));
                }
                secretRoles.forEach((secretName, role) -> m.find("Secret", secretName)
                        .or(() -> exampleSecrets.stream().filter(s -> Yaml.name(s).equals(secretName)).findFirst())
                        .flatMap(ManifestChecker::username)
                        .filter(username -> !isPlaceholder(username) && !username.equals(role))
                        .ifPresent(username -> fail("Secret " + secretName + " sets the password of role " + role + " but its username is "
                                + username + ": CloudNativePG requires the role's name, and the service connects as that username")));
            }
        }

        /** Secret name -> keys read from it. */
        Map<String, Set<String>> secretReferences() {
            Map<String, Set<String>> refs = new TreeMap<>();
            for (ObjectNode deployment : m.ofKind("Deployment")) {
                JsonNode pod = deployment.at("/spec/template/spec");
                List<JsonNode> containers = new ArrayList<>(Yaml.list(pod, "/containers"));
                containers.addAll(Yaml.list(pod, "/initContainers"));
                for (JsonNode container : containers) {
                    for (JsonNode env : Yaml.list(container, "/env")) {
                        JsonNode ref = env.at("/valueFrom/secretKeyRef");
                        if (ref.isObject() && !ref.path("optional").asBoolean(false)) {
                            refs.computeIfAbsent(ref.path("name").asText(), k -> new TreeSet<>()).add(ref.path("key").asText());
                        }
                    }
                    for (JsonNode from : Yaml.list(container, "/envFrom")) {
                        if (from.has("secretRef") && !from.at("/secretRef/optional").asBoolean(false)) {
                            refs.computeIfAbsent(from.at("/secretRef/name").asText(), k -> new TreeSet<>());
                        }
                    }
                }
                for (JsonNode volume : Yaml.list(pod, "/volumes")) {
                    if (volume.has("secret")) {
                        Set<String> keys = refs.computeIfAbsent(volume.at("/secret/secretName").asText(), k -> new TreeSet<>());
                        Yaml.list(volume, "/secret/items").forEach(item -> keys.add(item.path("key").asText()));
                    }
                }
            }
            for (ObjectNode cluster : m.ofKind("Cluster")) {
                for (JsonNode role : Yaml.list(cluster, "/spec/managed/roles")) {
                    if (role.has("passwordSecret")) {
                        refs.computeIfAbsent(role.at("/passwordSecret/name").asText(), k -> new TreeSet<>())
                                .addAll(List.of("username", "password"));
                    }
                }
                String bootstrap = Yaml.text(cluster, "/spec/bootstrap/initdb/secret/name");
                if (bootstrap != null) {
                    refs.computeIfAbsent(bootstrap, k -> new TreeSet<>()).addAll(List.of("username", "password"));
                }
            }
            return refs;
        }

        // ---------------------------------------------------------------- NetworkPolicies

        void networkPolicies() {
            List<ObjectNode> policies = m.ofKind("NetworkPolicy");
            boolean defaultDeny = policies.stream().anyMatch(p -> selectorEmpty(p.at("/spec/podSelector"))
                    && types(p).containsAll(List.of("Ingress", "Egress"))
                    && Yaml.list(p, "/spec/ingress").isEmpty() && Yaml.list(p, "/spec/egress").isEmpty());
            if (!defaultDeny) {
                fail("no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)");
            }
            boolean dns = policies.stream().anyMatch(p -> selectorEmpty(p.at("/spec/podSelector"))
                    && Yaml.list(p, "/spec/egress").stream().anyMatch(rule -> allowsPort(rule, "53", "UDP")));
            if (!dns) {
                fail("no NetworkPolicy lets pods resolve names (egress UDP 53 for all pods)");
            }
            for (ProjectModel.Service service : project.services().values()) {
                m.find("Deployment", service.artifactId()).ifPresent(d -> servicePolicies(d, policies));
            }
        }

        void servicePolicies(ObjectNode deployment, List<ObjectNode> policies) {
            String name = Yaml.name(deployment);
            Map<String, String> labels = Yaml.stringMap(deployment, "/spec/template/metadata/labels");
            JsonNode container = Yaml.list(deployment, "/spec/template/spec/containers").stream().findFirst().orElse(null);
            String port = container == null ? "" : Yaml.list(container, "/ports").stream()
                    .filter(p -> p.path("name").asText().equals("http")).map(p -> p.path("containerPort").asText()).findFirst().orElse("");
            List<ObjectNode> applying = policies.stream().filter(p -> appliesTo(p, labels)).toList();

            boolean fromIngressController = applying.stream().filter(p -> types(p).contains("Ingress"))
                    .flatMap(p -> Yaml.list(p, "/spec/ingress").stream())
                    .anyMatch(rule -> Yaml.list(rule, "/from").stream().anyMatch(peer -> !selectorEmpty(peer.path("namespaceSelector")))
                            && (allowsPort(rule, "http", "TCP") || allowsPort(rule, port, "TCP")));
            if (!fromIngressController) {
                fail("no NetworkPolicy lets the ingress controller's namespace reach " + name + " on its http port");
            }

            List<JsonNode> egress = applying.stream().filter(p -> types(p).contains("Egress"))
                    .flatMap(p -> Yaml.list(p, "/spec/egress").stream()).toList();
            for (ObjectNode kafka : m.ofKind("Kafka")) {
                Set<String> listenerPorts = new TreeSet<>();
                Yaml.list(kafka, "/spec/kafka/listeners").forEach(l -> listenerPorts.add(l.path("port").asText()));
                boolean toKafka = egress.stream().anyMatch(rule -> Yaml.list(rule, "/to").stream()
                        .anyMatch(peer -> Yaml.name(kafka).equals(Yaml.stringMap(peer, "/podSelector/matchLabels").get("strimzi.io/cluster")))
                        && listenerPorts.stream().anyMatch(p -> allowsPort(rule, p, "TCP")));
                if (!toKafka) {
                    fail("no NetworkPolicy lets " + name + " reach Kafka " + Yaml.name(kafka) + " on a listener port");
                }
                for (JsonNode listener : Yaml.list(kafka, "/spec/kafka/listeners")) {
                    List<JsonNode> peers = Yaml.list(listener, "/networkPolicyPeers");
                    boolean admitted = peers.isEmpty() || peers.stream()
                            .anyMatch(peer -> !peer.has("namespaceSelector") && selects(Yaml.stringMap(peer, "/podSelector/matchLabels"), labels));
                    if (!admitted) {
                        fail("Kafka listener " + listener.path("name").asText() + " does not admit " + name + " (networkPolicyPeers)");
                    }
                }
            }

            String ownCluster = serviceDbCluster.get(name);
            Set<String> reachableClusters = new TreeSet<>();
            for (JsonNode rule : egress) {
                if (!allowsPort(rule, String.valueOf(POSTGRES_PORT), "TCP")) {
                    continue;
                }
                List<JsonNode> peers = Yaml.list(rule, "/to");
                if (peers.isEmpty()) {
                    fail("a NetworkPolicy lets " + name + " reach any destination on the database port");
                }
                for (JsonNode peer : peers) {
                    String cluster = Yaml.stringMap(peer, "/podSelector/matchLabels").get("cnpg.io/cluster");
                    if (cluster == null || peer.has("namespaceSelector") || peer.has("ipBlock")) {
                        fail("a NetworkPolicy lets " + name + " reach " + peer + " on the database port: only its own database's pods");
                    } else {
                        reachableClusters.add(cluster);
                    }
                }
            }
            if (ownCluster != null && !reachableClusters.equals(Set.of(ownCluster))) {
                fail("NetworkPolicies let " + name + " reach database cluster(s) " + reachableClusters + "; it must reach exactly "
                        + ownCluster + ", where its database lives");
            }
            if (ownCluster != null) {
                boolean admitted = policies.stream()
                        .filter(p -> ownCluster.equals(Yaml.stringMap(p, "/spec/podSelector/matchLabels").get("cnpg.io/cluster")))
                        .filter(p -> types(p).contains("Ingress"))
                        .flatMap(p -> Yaml.list(p, "/spec/ingress").stream())
                        .anyMatch(rule -> allowsPort(rule, String.valueOf(POSTGRES_PORT), "TCP") && Yaml.list(rule, "/from").stream()
                                .anyMatch(peer -> !peer.has("namespaceSelector") && peer.has("podSelector")
                                        && selects(Yaml.stringMap(peer, "/podSelector/matchLabels"), labels)));
                if (!admitted) {
                    fail("no NetworkPolicy lets database cluster " + ownCluster + " accept " + name + " on port " + POSTGRES_PORT);
                }
            }
        }

        boolean appliesTo(JsonNode policy, Map<String, String> labels) {
            JsonNode selector = policy.at("/spec/podSelector");
            return !selector.has("matchExpressions") && selects(Yaml.stringMap(selector, "/matchLabels"), labels);
        }

        Set<String> types(JsonNode policy) {
            Set<String> types = new TreeSet<>();
            Yaml.list(policy, "/spec/policyTypes").forEach(t -> types.add(t.asText()));
            if (types.isEmpty()) {
                types.add("Ingress");
                if (policy.at("/spec/egress").isArray()) {
                    types.add("Egress");
                }
            }
            return types;
        }

        /** A rule with no ports allows every port; otherwise the port (name or number) and protocol must be listed. */
        boolean allowsPort(JsonNode rule, String port, String protocol) {
            List<JsonNode> ports = Yaml.list(rule, "/ports");
            return ports.isEmpty() || ports.stream().anyMatch(p -> p.path("protocol").asText("TCP").equals(protocol)
                    && (!p.has("port") || p.path("port").asText().equals(port)
                    || (p.has("endPort") && isInt(port) && Integer.parseInt(port) >= p.path("port").asInt()
                    && Integer.parseInt(port) <= p.path("endPort").asInt())));
        }

        // ---------------------------------------------------------------- environment of a container

        /** Every variable the container gets: env entries and the keys of its envFrom ConfigMaps. */
        Set<String> environmentNames(JsonNode container) {
            Set<String> names = new TreeSet<>();
            Yaml.list(container, "/env").forEach(e -> names.add(e.path("name").asText()));
            for (JsonNode from : Yaml.list(container, "/envFrom")) {
                String prefix = from.path("prefix").asText("");
                m.find("ConfigMap", from.at("/configMapRef/name").asText())
                        .ifPresent(cm -> cm.path("data").fieldNames().forEachRemaining(key -> names.add(prefix + key)));
            }
            return names;
        }

        /** Where an env var of the container comes from: env (wins) or envFrom ConfigMaps/Secrets (later wins). */
        Optional<EnvValue> env(ObjectNode deployment, JsonNode container, String variable) {
            for (JsonNode env : Yaml.list(container, "/env")) {
                if (env.path("name").asText().equals(variable)) {
                    if (env.has("value")) {
                        return Optional.of(new EnvValue(env.path("value").asText(), null));
                    }
                    JsonNode secret = env.at("/valueFrom/secretKeyRef");
                    if (secret.isObject()) {
                        return Optional.of(new EnvValue(null, secret.path("name").asText(), secret.path("key").asText(null)));
                    }
                    JsonNode configMap = env.at("/valueFrom/configMapKeyRef");
                    if (configMap.isObject()) {
                        return m.find("ConfigMap", configMap.path("name").asText())
                                .map(cm -> Yaml.text(cm, "/data/" + configMap.path("key").asText().replace("~", "~0").replace("/", "~1")))
                                .map(value -> new EnvValue(value, null));
                    }
                    return Optional.of(new EnvValue(null, null));
                }
            }
            Optional<EnvValue> found = Optional.empty();
            for (JsonNode from : Yaml.list(container, "/envFrom")) {
                String prefix = from.path("prefix").asText("");
                if (!variable.startsWith(prefix)) {
                    continue;
                }
                String key = variable.substring(prefix.length());
                if (from.has("configMapRef")) {
                    Optional<String> value = m.find("ConfigMap", from.at("/configMapRef/name").asText())
                            .map(cm -> Yaml.text(cm, "/data/" + key));
                    if (value.isPresent()) {
                        found = Optional.of(new EnvValue(value.get(), null));
                    }
                } else if (from.has("secretRef")) {
                    String secretName = from.at("/secretRef/name").asText();
                    boolean hasKey = exampleSecrets.stream().filter(s -> Yaml.name(s).equals(secretName))
                            .anyMatch(s -> s.at("/stringData/" + key).isValueNode() || s.at("/data/" + key).isValueNode());
                    if (hasKey) {
                        found = Optional.of(new EnvValue(null, secretName, key));
                    }
                }
            }
            return found;
        }
    }

    /** An env var's value (literal or from a ConfigMap), or the Secret (and key, when named) it comes from. */
    record EnvValue(String value, String secret, String key) {
        EnvValue(String value, String secret) {
            this(value, secret, null);
        }
    }

    // ---------------------------------------------------------------- small helpers

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    static boolean selectorEmpty(JsonNode selector) {
        return selector.isMissingNode() || selector.isNull() || (selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty());
    }

    static boolean isPlaceholder(String value) {
        String v = value.strip();
        return v.isEmpty() || v.startsWith("CHANGE_ME") || (v.startsWith("<") && v.endsWith(">"));
    }

    /** Keys of a Secret whose values are not placeholders. */
    static List<String> realData(JsonNode secret) {
        List<String> keys = new ArrayList<>();
        secret.path("stringData").fields().forEachRemaining(e -> {
            if (!NON_SECRET_KEYS.contains(e.getKey()) && !isPlaceholder(e.getValue().asText())) {
                keys.add(e.getKey());
            }
        });
        secret.path("data").fields().forEachRemaining(e -> {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(e.getValue().asText().strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                decoded = e.getValue().asText();
            }
            if (!NON_SECRET_KEYS.contains(e.getKey()) && !isPlaceholder(decoded)) {
                keys.add(e.getKey());
            }
        });
        return keys;
    }

    /** The username of a basic-auth Secret (stringData, or base64 data). */
    static Optional<String> username(JsonNode secret) {
        String plain = Yaml.text(secret, "/stringData/username");
        if (plain != null) {
            return Optional.of(plain.strip());
        }
        String encoded = Yaml.text(secret, "/data/username");
        if (encoded == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8).strip());
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(encoded.strip());
        }
    }

    /** docker.io is what a registry-less image name means. */
    static String normalRegistry(String registry) {
        return registry == null || registry.equals("docker.io") || registry.equals("index.docker.io") ? null : registry;
    }

    static boolean isInt(String s) {
        return s.matches("\\d+");
    }

    /** Kubernetes memory quantity in bytes. */
    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)([EPTGMK]i?|[eptgmk]|)").matcher(quantity.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a memory quantity: " + quantity);
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        long factor = switch (unit) {
            case "" -> 1L;
            case "k", "K" -> 1_000L;
            case "M" -> 1_000_000L;
            case "G" -> 1_000_000_000L;
            case "T" -> 1_000_000_000_000L;
            case "Ki" -> 1L << 10;
            case "Mi" -> 1L << 20;
            case "Gi" -> 1L << 30;
            case "Ti" -> 1L << 40;
            default -> throw new IllegalArgumentException("unsupported memory unit: " + quantity);
        };
        return (long) (value * factor);
    }

    /** A Quarkus duration ("30s", "500ms", "2m", "PT30S", or plain seconds) in whole seconds, rounded up. */
    static long seconds(String duration) {
        String d = duration.strip();
        if (d.startsWith("PT") || d.startsWith("pt")) {
            return (long) Math.ceil(Duration.parse(d.toUpperCase()).toMillis() / 1000.0);
        }
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h|d)?").matcher(d);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + duration);
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> (long) Math.ceil(n / 1000.0);
            case "m" -> n * 60;
            case "h" -> n * 3600;
            case "d" -> n * 86400;
            default -> n;
        };
    }
}
