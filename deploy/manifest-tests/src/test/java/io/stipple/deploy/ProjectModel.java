package io.stipple.deploy;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

/**
 * What the build and the services' configuration say, read from the source tree: which modules are
 * services (a Quarkus module with an application.properties), their artifactId and version, the image
 * the build produces, the HTTP port, the Kafka topics they use and the API prefixes their code serves.
 */
final class ProjectModel {
    static final String PLATFORM_CONFIG = "platform/src/main/resources/META-INF/microprofile-config.properties";
    private static final Pattern CHANNEL_KEY = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern CHANNEL_ANNOTATION = Pattern.compile("@(Incoming|Outgoing|Channel)\\(\\s*(?:value\\s*=\\s*)?\"([^\"]+)\"");
    /** A "stipple.x" string in code is a topic, unless it is the prefix of a configuration mapping (stipple.services). */
    private static final Pattern TOPIC_LITERAL = Pattern.compile("(?<!prefix\\s{0,3}=\\s{0,3})\"(stipple\\.(?:dlq\\.)?[a-z0-9][a-z0-9-]*)\"");
    private static final Pattern DEAD_LETTER_CALL = Pattern.compile("Topics\\.deadLetter\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern API_PATH = Pattern.compile("@Path\\(\\s*\"(/api/v1/[A-Za-z0-9._~-]+)");
    private static final Pattern REQUIRED_ENV = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private final Path root;
    private final Properties platformConfig;
    private final Map<String, Service> services;
    private final Set<String> platformTopics;

    private ProjectModel(Path root, Properties platformConfig, Map<String, Service> services, Set<String> platformTopics) {
        this.root = root;
        this.platformConfig = platformConfig;
        this.services = services;
        this.platformTopics = platformTopics;
    }

    /** The repository this test runs in ({@code -Dstipple.root}, else the first parent holding deploy/k8s). */
    static Path repositoryRoot() {
        String configured = System.getProperty("stipple.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "deploy", "k8s"))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a folder with deploy/k8s and pom.xml)");
    }

    static ProjectModel load(Path root) {
        return load(root, platformTopicConstants());
    }

    static ProjectModel load(Path root, Set<String> platformTopics) {
        Properties platform = properties(root.resolve(PLATFORM_CONFIG));
        Map<String, Service> services = new TreeMap<>();
        for (String module : modules(root.resolve("pom.xml"))) {
            Path dir = root.resolve(module);
            Path pom = dir.resolve("pom.xml");
            Path config = dir.resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(pom) || !Files.isRegularFile(config) || !read(pom).contains("quarkus-maven-plugin")) {
                continue;
            }
            Document doc = xml(pom);
            Element project = doc.getDocumentElement();
            String artifactId = childText(project, "artifactId").orElseThrow();
            String version = childText(project, "version")
                    .or(() -> childElement(project, "parent").flatMap(p -> childText(p, "version")))
                    .orElseThrow(() -> new IllegalStateException(pom + ": no version"));
            Service service = new Service(dir, artifactId, version, new Config(platform, properties(config)), javaSources(dir));
            services.put(artifactId, service);
        }
        return new ProjectModel(root, platform, services, platformTopics);
    }

    /** The public String constants of io.stipple.platform.events.Topics: the topics the outbox publishes to. */
    static Set<String> platformTopicConstants() {
        Set<String> topics = new TreeSet<>();
        try {
            Class<?> type = Class.forName("io.stipple.platform.events.Topics");
            for (Field field : type.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    String value = (String) field.get(null);
                    if (value != null && !value.endsWith(".")) {
                        topics.add(value);
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read io.stipple.platform.events.Topics", e);
        }
        return topics;
    }

    Path root() {
        return root;
    }

    Map<String, Service> services() {
        return services;
    }

    Set<String> platformTopics() {
        return platformTopics;
    }

    /** Every topic that must exist: Topics constants, plus what each service's configuration and code name. */
    Map<String, String> requiredTopics() {
        Map<String, String> topics = new TreeMap<>();
        platformTopics.forEach(t -> topics.put(t, "io.stipple.platform.events.Topics"));
        for (Service service : services.values()) {
            service.topicSources().forEach(topics::putIfAbsent);
        }
        return topics;
    }

    /** A service module as the build sees it. */
    record Service(Path moduleDir, String artifactId, String version, Config config, Map<Path, String> sources) {

        /** What quarkus-kubernetes generated in the last build of the module, if it was built. */
        Optional<Path> generatedManifest() {
            Path file = moduleDir.resolve("target/kubernetes/kubernetes.yml");
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        }

        /** The image `package -Dquarkus.container-image.build=true` produces (prod profile, as packaging uses). */
        ImageRef image() {
            Optional<String> full = config.get("quarkus.container-image.image");
            if (full.isPresent()) {
                return ImageRef.parse(full.get(), true);
            }
            String registry = config.get("quarkus.container-image.registry").orElse(null);
            String group = config.get("quarkus.container-image.group").orElse(System.getProperty("user.name"));
            String name = config.get("quarkus.container-image.name")
                    .or(() -> config.get("quarkus.application.name")).orElse(artifactId);
            String tag = config.get("quarkus.container-image.tag")
                    .or(() -> config.get("quarkus.application.version")).orElse(version);
            String repository = (group == null || group.isBlank()) ? name : group + "/" + name;
            return new ImageRef(registry, repository, tag, registry != null);
        }

        int httpPort() {
            return Integer.parseInt(config.get("quarkus.http.port").orElse("8080"));
        }

        /** Kafka topics from the channel configuration, the channel annotations and topic literals in code. */
        Set<String> topics() {
            return topicSources().keySet();
        }

        /** Each Kafka topic the service uses, with where it comes from. */
        Map<String, String> topicSources() {
            Map<String, String> topics = new TreeMap<>();
            Map<String, Map<String, String>> channels = channels();
            channels.forEach((channel, attributes) -> {
                String connector = attributes.getOrDefault("connector", "smallrye-kafka");
                if (!connector.equals("smallrye-kafka") || "true".equals(attributes.get("pattern"))) {
                    return;
                }
                String channelName = channel.substring(channel.indexOf(':') + 1);
                String origin = artifactId + " channel " + channelName;
                if (attributes.containsKey("topics")) {
                    for (String topic : attributes.get("topics").split(",")) {
                        topics.putIfAbsent(topic.strip(), origin);
                    }
                } else if (attributes.containsKey("topic")) {
                    topics.putIfAbsent(attributes.get("topic"), origin);
                } else {
                    topics.putIfAbsent(channelName, origin + ", which configures no topic so Kafka's topic is the channel name");
                }
                if ("dead-letter-queue".equals(attributes.get("failure-strategy"))) {
                    if (attributes.containsKey("dead-letter-queue.topic")) {
                        topics.putIfAbsent(attributes.get("dead-letter-queue.topic"), origin + " (dead-letter topic)");
                    } else {
                        // SmallRye's default dead-letter topic when none is configured.
                        topics.putIfAbsent("dead-letter-topic-" + channelName,
                                origin + ", whose dead-letter-queue.topic is not set (SmallRye's default name)");
                    }
                }
            });
            // Channels used in code without configuration are connected to Kafka under their own name,
            // unless the service both produces and consumes them (an in-memory channel).
            Map<String, Set<String>> annotated = new TreeMap<>();
            for (Map.Entry<Path, String> source : sources.entrySet()) {
                String file = source.getKey().getFileName().toString();
                Matcher m = CHANNEL_ANNOTATION.matcher(source.getValue());
                while (m.find()) {
                    annotated.computeIfAbsent(m.group(2), k -> new TreeSet<>()).add(m.group(1));
                }
                Matcher literal = TOPIC_LITERAL.matcher(source.getValue());
                while (literal.find()) {
                    topics.putIfAbsent(literal.group(1), artifactId + " " + file);
                }
                Matcher deadLetter = DEAD_LETTER_CALL.matcher(source.getValue());
                while (deadLetter.find()) {
                    topics.putIfAbsent("stipple.dlq." + deadLetter.group(1), artifactId + " " + file);
                }
            }
            annotated.forEach((channel, kinds) -> {
                boolean configured = channels.containsKey("incoming:" + channel) || channels.containsKey("outgoing:" + channel);
                boolean internal = kinds.contains("Incoming") && (kinds.contains("Outgoing") || kinds.contains("Channel"));
                if (!configured && !internal) {
                    topics.putIfAbsent(channel, artifactId + " @" + String.join("/@", kinds) + "(\"" + channel
                            + "\") with no mp.messaging config, so Kafka's topic is the channel name");
                }
            });
            return topics;
        }

        /** Channel attributes by "incoming:name" / "outgoing:name", prod view of the configuration. */
        Map<String, Map<String, String>> channels() {
            Map<String, Map<String, String>> channels = new TreeMap<>();
            for (String key : config.keys()) {
                Matcher m = CHANNEL_KEY.matcher(key);
                if (m.matches()) {
                    config.get(key).ifPresent(value -> channels
                            .computeIfAbsent(m.group(1) + ":" + m.group(2), k -> new LinkedHashMap<>())
                            .put(m.group(3), value));
                }
            }
            return channels;
        }

        boolean consumesEvents() {
            return channels().keySet().stream().anyMatch(k -> k.startsWith("incoming:"));
        }

        /** /api/v1/&lt;segment&gt; prefixes the service's JAX-RS resources declare. */
        Set<String> apiPrefixes() {
            Set<String> prefixes = new TreeSet<>();
            for (String source : sources.values()) {
                Matcher m = API_PATH.matcher(source);
                while (m.find()) {
                    prefixes.add(m.group(1));
                }
            }
            return prefixes;
        }

        /**
         * Whether the service reads an environment variable: its configuration (or the platform's) refers
         * to ${NAME}, Quarkus maps it (QUARKUS_*), the JVM reads it (JAVA_*), or its code names it.
         */
        boolean readsEnvironment(String name) {
            if (name.startsWith("QUARKUS_") || name.startsWith("JAVA_") || name.startsWith("MALLOC_")) {
                return true; // read by Quarkus itself, the JVM, or the C library
            }
            for (String key : config.keys()) {
                Optional<String> value = config.raw(key);
                if (value.isPresent() && (value.get().contains("${" + name + "}") || value.get().contains("${" + name + ":"))) {
                    return true;
                }
            }
            return sources.values().stream().anyMatch(source -> source.contains("\"" + name + "\""));
        }

        /** Environment variables the configuration needs and has no default for: ${NAME} without ':'. */
        Set<String> requiredEnvironment() {
            Set<String> names = new TreeSet<>();
            for (String key : config.keys()) {
                config.raw(key).ifPresent(value -> {
                    Matcher m = REQUIRED_ENV.matcher(value);
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                });
            }
            return names;
        }
    }

    /** A container image reference; registryFixed = the build names its registry explicitly. */
    record ImageRef(String registry, String repository, String tag, boolean registryFixed) {
        static ImageRef parse(String reference, boolean registryFixed) {
            String name = reference;
            String tag = null;
            int colon = name.lastIndexOf(':');
            if (colon > name.lastIndexOf('/')) {
                tag = name.substring(colon + 1);
                name = name.substring(0, colon);
            }
            String registry = null;
            int slash = name.indexOf('/');
            if (slash > 0) {
                String first = name.substring(0, slash);
                if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                    registry = first;
                    name = name.substring(slash + 1);
                }
            }
            return new ImageRef(registry, name, tag, registryFixed);
        }

        @Override
        public String toString() {
            return (registry == null ? "" : registry + "/") + repository + (tag == null ? "" : ":" + tag);
        }
    }

    /**
     * The configuration a service runs with in prod: its application.properties over the platform's
     * defaults, a {@code %prod.} key over the plain one; {@code ${x}} / {@code ${x:default}} expanded
     * from other keys or the default (environment variables are deployment-specific, so not read).
     */
    record Config(Properties platform, Properties service) {
        Set<String> keys() {
            Set<String> keys = new TreeSet<>();
            Stream.of(platform, service).flatMap(p -> p.stringPropertyNames().stream()).forEach(key -> {
                if (key.startsWith("%prod.")) {
                    keys.add(key.substring("%prod.".length()));
                } else if (!key.startsWith("%")) {
                    keys.add(key);
                }
            });
            return keys;
        }

        /** The raw (unexpanded) value. */
        Optional<String> raw(String key) {
            for (String candidate : List.of("%prod." + key, key)) {
                for (Properties source : List.of(service, platform)) {
                    String value = source.getProperty(candidate);
                    if (value != null) {
                        return Optional.of(value.strip());
                    }
                }
            }
            return Optional.empty();
        }

        Optional<String> get(String key) {
            return raw(key).map(v -> expand(v, 0)).filter(v -> !v.isEmpty());
        }

        private String expand(String value, int depth) {
            if (depth > 10 || !value.contains("${")) {
                return value;
            }
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < value.length()) {
                int start = value.indexOf("${", i);
                if (start < 0) {
                    out.append(value, i, value.length());
                    break;
                }
                int end = value.indexOf('}', start);
                if (end < 0) {
                    out.append(value, i, value.length());
                    break;
                }
                out.append(value, i, start);
                String expression = value.substring(start + 2, end);
                int colon = expression.indexOf(':');
                String name = colon < 0 ? expression : expression.substring(0, colon);
                String fallback = colon < 0 ? "" : expression.substring(colon + 1);
                out.append(raw(name).map(v -> expand(v, depth + 1)).orElse(fallback));
                i = end + 1;
            }
            return out.toString();
        }
    }

    // ---- reading files

    static List<String> modules(Path pom) {
        List<String> modules = new ArrayList<>();
        NodeList nodes = xml(pom).getElementsByTagName("module");
        for (int i = 0; i < nodes.getLength(); i++) {
            modules.add(nodes.item(i).getTextContent().strip());
        }
        return modules;
    }

    private static Optional<String> childText(Node parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node node = children.item(i);
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element.getTextContent().strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<Element> childElement(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    private static Document xml(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(file + ": cannot parse", e);
        }
    }

    private static Properties properties(Path file) {
        Properties properties = new Properties();
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    private static Map<Path, String> javaSources(Path module) {
        Path sources = module.resolve("src/main/java");
        Map<Path, String> result = new TreeMap<>();
        if (!Files.isDirectory(sources)) {
            return result;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> result.put(f, read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
