package io.stipple.gallery.storage;

import io.stipple.platform.inbox.TransientFailureException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Error;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Objects in an S3-compatible bucket. The bucket stays private: no ACL and no bucket policy is ever set,
 * objects are written without a canned ACL (so the bucket owner's private default applies), and images reach
 * users only through this service.
 */
public class S3ObjectStorage implements ObjectStorage {

    /** S3 error codes that pass by themselves (throttling, a server-side hiccup). */
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "InternalError", "ServiceUnavailable",
            "RequestTimeout", "OperationAborted");

    private final S3Client s3;
    private final String bucket;
    private final Optional<String> serverSideEncryption;

    public S3ObjectStorage(S3Client s3, String bucket, Optional<String> serverSideEncryption) {
        this.s3 = s3;
        this.bucket = bucket;
        this.serverSideEncryption = serverSideEncryption.filter(s -> !s.isBlank());
    }

    /** Creates the bucket if it does not exist yet (for local S3-compatible stores). */
    public void ensureBucket() {
        try {
            s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        PutObjectRequest.Builder request = PutObjectRequest.builder()
                .bucket(bucket)
                .key(ObjectKeys.requireSafe(key))
                .contentType(contentType)
                .contentLength((long) content.length);
        serverSideEncryption.ifPresent(sse -> request.serverSideEncryption(ServerSideEncryption.fromValue(sse)));
        s3.putObject(request.build(), RequestBody.fromBytes(content));
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(ObjectKeys.requireSafe(key))).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(ObjectKeys.requireSafe(key)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(ObjectKeys.requireSafe(key)));
    }

    /**
     * Deletes every object under the prefix, and on a versioned bucket every version and delete marker too (an
     * erasure must not leave old versions behind). Each batch's per-key errors are checked: a key S3 did not delete
     * fails the call (the erasure is retried: {@link TransientFailureException} for throttling and server errors,
     * anything else goes to the operator through the dead-letter topic), never silently skipped.
     *
     * @return how many objects (on a versioned bucket: versions and delete markers) were deleted
     */
    @Override
    public int deletePrefix(String prefix) {
        ObjectKeys.requireSafePrefix(prefix);
        try {
            return versioned() ? deleteAllVersions(prefix) : deleteCurrent(prefix);
        } catch (SdkClientException e) {
            throw new TransientFailureException("object store unreachable while deleting " + prefix, e);
        } catch (S3Exception e) {
            if (e.statusCode() >= 500 || e.statusCode() == 429) {
                throw new TransientFailureException("object store failed while deleting " + prefix, e);
            }
            throw e;
        }
    }

    private boolean versioned() {
        BucketVersioningStatus status = s3.getBucketVersioning(b -> b.bucket(bucket)).status();
        return status == BucketVersioningStatus.ENABLED || status == BucketVersioningStatus.SUSPENDED;
    }

    private int deleteCurrent(String prefix) {
        int deleted = 0;
        String token = null;
        do {
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(prefix).continuationToken(token).maxKeys(1000).build());
            deleted += deleteAll(page.contents().stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                    .toList());
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return deleted;
    }

    private int deleteAllVersions(String prefix) {
        int deleted = 0;
        String keyMarker = null;
        String versionMarker = null;
        boolean more;
        do {
            ListObjectVersionsResponse page = s3.listObjectVersions(ListObjectVersionsRequest.builder()
                    .bucket(bucket).prefix(prefix).keyMarker(keyMarker).versionIdMarker(versionMarker).maxKeys(1000)
                    .build());
            List<ObjectIdentifier> ids = new ArrayList<>();
            page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
            page.deleteMarkers().forEach(m -> ids.add(ObjectIdentifier.builder().key(m.key()).versionId(m.versionId()).build()));
            deleted += deleteAll(ids);
            more = Boolean.TRUE.equals(page.isTruncated());
            keyMarker = page.nextKeyMarker();
            versionMarker = page.nextVersionIdMarker();
        } while (more);
        return deleted;
    }

    /** Deletes a batch (at most 1000) and fails on any key S3 reports it could not delete. */
    private int deleteAll(List<ObjectIdentifier> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        // quiet: the response lists only the keys that were NOT deleted
        DeleteObjectsResponse response = s3.deleteObjects(DeleteObjectsRequest.builder().bucket(bucket)
                .delete(Delete.builder().objects(ids).quiet(true).build()).build());
        if (response.hasErrors() && !response.errors().isEmpty()) {
            S3Error first = response.errors().get(0);
            String message = "object store did not delete " + response.errors().size() + " of " + ids.size()
                    + " object(s), e.g. " + first.key() + ": " + first.code() + " " + first.message();
            if (TRANSIENT_CODES.contains(first.code())) {
                throw new TransientFailureException(message, null);
            }
            throw new IllegalStateException(message);
        }
        return ids.size();
    }

    @Override
    public void ping() {
        s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build());
    }

    @Override
    public String describe() {
        return "s3:" + bucket;
    }
}
