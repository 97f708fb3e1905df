package io.stipple.gallery.storage;

import io.stipple.gallery.config.GalleryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.nio.file.Path;

/** Makes the configured {@link ObjectStorage}: a local directory by default, an S3 bucket for Kubernetes. */
@ApplicationScoped
public class StorageProducer {

    private static final Logger LOG = Logger.getLogger(StorageProducer.class);

    @Produces
    @Singleton
    ObjectStorage storage(GalleryConfig config) {
        ObjectStorage storage = switch (config.storage().type()) {
            case LOCAL -> new LocalObjectStorage(Path.of(config.storage().localDirectory()));
            case S3 -> s3(config.storage().s3());
        };
        LOG.infof("gallery images stored in %s", storage.describe());
        return storage;
    }

    /** Builds the S3 client and storage from configuration (also used by tests against a real S3 server). */
    public static S3ObjectStorage s3(GalleryConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(config.region()))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(config.pathStyle()).build());
        config.endpoint().filter(e -> !e.isBlank()).ifPresent(e -> builder.endpointOverride(URI.create(e)));
        if (config.accessKeyId().isPresent() && config.secretAccessKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId().get(), config.secretAccessKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        S3ObjectStorage storage = new S3ObjectStorage(builder.build(), config.bucket(), config.serverSideEncryption());
        if (config.createBucket()) {
            storage.ensureBucket();
        }
        return storage;
    }
}
