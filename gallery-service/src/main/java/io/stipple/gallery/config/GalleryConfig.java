package io.stipple.gallery.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The gallery's numbers and switches. */
@ConfigMapping(prefix = "gallery")
public interface GalleryConfig {

    Upload upload();

    Images images();

    Links links();

    Storage storage();

    PublicGallery publicGallery();

    interface Upload {
        /** Largest image file accepted; a bigger upload is refused with 413 before it is decoded. */
        @WithDefault("20M")
        MemorySize maxSize();

        /** Most pixels (width × height) an image may declare; checked from the header before decoding. */
        @WithDefault("60000000")
        long maxPixels();

        /** Longest side in pixels an image may declare; checked from the header before decoding. */
        @WithDefault("12000")
        int maxSide();

        /**
         * Heap that the images being decoded and rendered on one instance may take together. Each upload reserves
         * what its image needs (worked out from the header: pixels × bytes per pixel of the decoded layout, 16-bit
         * samples counted as 2 bytes, plus its working copies and renditions) before decoding, waits for room up to
         * 30 s ({@code 503 gallery-busy}), and is refused with {@code 422 image-dimensions-too-large} when it needs
         * more than all of it. Unset: half the maximum heap.
         */
        Optional<MemorySize> decodeMemory();

        /** Whether an upload needs the client's CLINICAL_PHOTOS consent (from the client-events projection). */
        @WithDefault("true")
        boolean requireClinicalPhotosConsent();
    }

    interface Images {
        /** Longest side of the display rendition. */
        @WithDefault("1600")
        int displayMaxSide();

        /** Longest side of the thumbnail rendition. */
        @WithDefault("320")
        int thumbnailMaxSide();

        /** JPEG quality (0–1) of the full-size re-encoded image. */
        @WithDefault("0.90")
        float fullQuality();

        /** JPEG quality (0–1) of the display rendition and the composite. */
        @WithDefault("0.85")
        float displayQuality();

        /** JPEG quality (0–1) of the thumbnail. */
        @WithDefault("0.80")
        float thumbnailQuality();

        /** Height in pixels of each half of a before/after composite. */
        @WithDefault("800")
        int compositeHeight();
    }

    interface Links {
        /**
         * HMAC key of signed links (at least 32 characters). Without one, each instance makes a random key at
         * start, so its links only work on that instance: set it ({@code GALLERY_LINK_SECRET}) with several replicas.
         */
        Optional<String> secret();

        /** Lifetime of a signed link when the caller does not ask for one. */
        @WithDefault("5M")
        Duration defaultTtl();

        /** Longest lifetime a caller may ask for. */
        @WithDefault("15M")
        Duration maxTtl();
    }

    interface Storage {
        /** Where images are kept: {@code local} (a directory) or {@code s3} (an S3-compatible object store). */
        @WithDefault("local")
        StorageType type();

        /** Directory of the local store. */
        @WithDefault("data/gallery")
        String localDirectory();

        S3 s3();
    }

    interface S3 {
        /** Bucket; private (the service never sets an ACL or a bucket policy). */
        @WithDefault("stipple-gallery")
        String bucket();

        /** Region for request signing. */
        @WithDefault("eu-west-1")
        String region();

        /** Endpoint of an S3-compatible store (MinIO, Ceph, ...); empty for AWS itself. */
        Optional<String> endpoint();

        /** Path-style addressing ({@code endpoint/bucket/key}), needed by most S3-compatible stores. */
        @WithDefault("false")
        boolean pathStyle();

        /** Access key; without one the AWS default credential chain is used (IRSA, environment, ...). */
        Optional<String> accessKeyId();

        /** Secret key belonging to {@link #accessKeyId()}. */
        Optional<String> secretAccessKey();

        /** Create the bucket at start when it does not exist (handy for local stores, off for AWS). */
        @WithDefault("false")
        boolean createBucket();

        /** Server-side encryption to request for every object, e.g. {@code AES256}; empty for the store's default. */
        Optional<String> serverSideEncryption();
    }

    interface PublicGallery {
        /** {@code max-age} (seconds) of public answers; short, so a withdrawal leaves shared caches quickly. */
        @WithDefault("60")
        int maxAgeSeconds();
    }

    enum StorageType { LOCAL, S3 }
}
