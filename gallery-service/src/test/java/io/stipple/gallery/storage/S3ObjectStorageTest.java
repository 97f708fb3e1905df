package io.stipple.gallery.storage;

import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.image.ImagePipeline;
import io.stipple.gallery.image.TestImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link S3ObjectStorage} against a real S3-compatible server: Adobe S3Mock, run from its executable jar as a
 * separate process (copied to {@code target/s3mock/} by the build). What S3Mock does not check: IAM policies,
 * bucket ACL enforcement and server-side encryption, so "never public" rests on the code never setting an ACL
 * or policy (see the README).
 */
class S3ObjectStorageTest {

    static Process server;
    static int port;
    static S3ObjectStorage storage;

    @BeforeAll
    static void startServer() throws Exception {
        Path jar = Path.of("target", "s3mock", "s3mock.jar");
        assertThat(jar).as("S3Mock jar copied by the build (maven-dependency-plugin)").exists();
        port = freePort();
        int httpsPort = freePort();
        Path root = Files.createTempDirectory("s3mock-store");
        Path log = Path.of("target", "s3mock", "s3mock.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--com.adobe.testing.s3mock.http-port=" + port,
                "--server.port=" + httpsPort,
                "--com.adobe.testing.s3mock.store.root=" + root,
                "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (true) {
            assertThat(server.isAlive()).as("S3Mock is running (see %s)", log).isTrue();
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime()).as("S3Mock started within 90 s (see %s)", log).isLessThan(deadline);
            Thread.sleep(250); // polling a child process's port; no event to wait on
        }
        storage = StorageProducer.s3(new TestS3Config("http://127.0.0.1:" + port, "stipple-gallery-test", true));
    }

    @AfterAll
    static void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void pingReachesTheBucket() {
        storage.ping();
        S3ObjectStorage missing = StorageProducer.s3(new TestS3Config("http://127.0.0.1:" + port, "no-such-bucket", false));
        org.assertj.core.api.Assertions.assertThatThrownBy(missing::ping).isInstanceOf(RuntimeException.class);
    }

    @Test
    void storesReadsAndDeletesObjects() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        String key = ObjectKeys.newImageKey(clinic, client, "full");
        byte[] bytes = TestImages.jpeg(64, 48, 1);

        assertThat(storage.exists(key)).isFalse();
        assertThat(storage.get(key)).isEmpty();
        storage.put(key, bytes, "image/jpeg");
        assertThat(storage.exists(key)).isTrue();
        assertThat(storage.get(key)).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes));
        storage.delete(key);
        assertThat(storage.exists(key)).isFalse();
        storage.delete(key); // deleting a missing object is fine
    }

    @Test
    void erasureDeletesEverythingUnderTheClientPrefixAndNothingElse() {
        UUID clinic = UUID.randomUUID();
        UUID client = UUID.randomUUID();
        UUID neighbour = UUID.randomUUID();
        ImagePipeline.Result image = new ImagePipeline(new ImagePipeline.Settings(20_000_000, 60_000_000, 12_000,
                1600, 320, 0.9f, 0.85f, 0.8f)).process(TestImages.withGpsExif(TestImages.jpeg(400, 300, 2), 6));
        for (int i = 0; i < 3; i++) {
            storage.put(ObjectKeys.newImageKey(clinic, client, "full"), image.full(), "image/jpeg");
            storage.put(ObjectKeys.newImageKey(clinic, client, "display"), image.display(), "image/jpeg");
        }
        String kept = ObjectKeys.newImageKey(clinic, neighbour, "full");
        storage.put(kept, image.thumbnail(), "image/jpeg");

        assertThat(storage.deletePrefix(ObjectKeys.clientPrefix(clinic, client))).isEqualTo(6);
        assertThat(storage.deletePrefix(ObjectKeys.clientPrefix(clinic, client))).isZero();
        assertThat(storage.get(kept)).hasValueSatisfying(v -> assertThat(v).isEqualTo(image.thumbnail()));
    }

    /** On a versioned bucket an erasure removes every version and delete marker, not only the current objects. */
    @Test
    void erasureOnAVersionedBucketLeavesNoOldVersionBehind() {
        String url = "http://127.0.0.1:" + port;
        S3ObjectStorage versioned = StorageProducer.s3(new TestS3Config(url, "stipple-gallery-versioned", true));
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(java.net.URI.create(url))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-access-key", "test-secret-key")))
                .build()) {
            s3.putBucketVersioning(b -> b.bucket("stipple-gallery-versioned")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            UUID clinic = UUID.randomUUID();
            UUID client = UUID.randomUUID();
            String prefix = ObjectKeys.clientPrefix(clinic, client);
            String replaced = ObjectKeys.newImageKey(clinic, client, "full");
            String deleted = ObjectKeys.newImageKey(clinic, client, "display");
            versioned.put(replaced, TestImages.jpeg(32, 24, 1), "image/jpeg");
            versioned.put(replaced, TestImages.jpeg(32, 24, 2), "image/jpeg"); // an old version stays behind
            versioned.put(deleted, TestImages.jpeg(32, 24, 3), "image/jpeg");
            versioned.delete(deleted); // a delete marker over a version that still holds the image
            String neighbour = ObjectKeys.newImageKey(clinic, UUID.randomUUID(), "full");
            versioned.put(neighbour, TestImages.jpeg(32, 24, 4), "image/jpeg");

            var before = s3.listObjectVersions(b -> b.bucket("stipple-gallery-versioned").prefix(prefix));
            assertThat(before.versions().size() + before.deleteMarkers().size()).isEqualTo(4);

            assertThat(versioned.deletePrefix(prefix)).isEqualTo(4);

            var after = s3.listObjectVersions(b -> b.bucket("stipple-gallery-versioned").prefix(prefix));
            assertThat(after.versions()).isEmpty();
            assertThat(after.deleteMarkers()).isEmpty();
            assertThat(versioned.exists(neighbour)).isTrue();
        }
    }

    @Test
    void objectNamesMustBeTheServicesOwn() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage.put("../etc/passwd", new byte[1], "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage.deletePrefix("clinics/"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The S3 settings a deployment would give through GALLERY_S3_* variables. */
    record TestS3Config(String url, String bucketName, boolean create) implements GalleryConfig.S3 {
        public String bucket() { return bucketName; }
        public String region() { return "us-east-1"; }
        public Optional<String> endpoint() { return Optional.of(url); }
        public boolean pathStyle() { return true; }
        public Optional<String> accessKeyId() { return Optional.of("test-access-key"); }
        public Optional<String> secretAccessKey() { return Optional.of("test-secret-key"); }
        public boolean createBucket() { return create; }
        public Optional<String> serverSideEncryption() { return Optional.empty(); }
    }
}
