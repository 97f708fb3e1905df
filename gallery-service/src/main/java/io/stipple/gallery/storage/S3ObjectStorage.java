package io.stipple.gallery.storage;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

import java.util.List;
import java.util.Optional;

/**
 * Objects in an S3-compatible bucket. The bucket stays private: no ACL and no bucket policy is ever set,
 * objects are written without a canned ACL (so the bucket owner's private default applies), and images reach
 * users only through this service.
 */
public class S3ObjectStorage implements ObjectStorage {

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

    @Override
    public int deletePrefix(String prefix) {
        ObjectKeys.requireSafePrefix(prefix);
        int deleted = 0;
        String token = null;
        do {
            ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder()
                    .bucket(bucket).prefix(prefix).continuationToken(token).maxKeys(1000).build());
            List<ObjectIdentifier> ids = page.contents().stream()
                    .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                    .toList();
            if (!ids.isEmpty()) {
                s3.deleteObjects(DeleteObjectsRequest.builder().bucket(bucket)
                        .delete(Delete.builder().objects(ids).quiet(true).build()).build());
                deleted += ids.size();
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        return deleted;
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
