package io.stipple.testinfra.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** gallery-service's operations the seeding and the journeys use: photo uploads and before/after sets. */
public final class GalleryApi extends ServiceApi {

    /** A photo of a client to upload (multipart): phase BEFORE/AFTER, angle, when it was taken, the image. */
    public record PhotoUpload(UUID clientId, String phase, String angle, Instant takenAt, String fileName,
                              String mediaType, byte[] image) {

        public Multipart form() {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("clientId", clientId.toString());
            fields.put("phase", phase);
            fields.put("angle", angle);
            fields.put("takenAt", takenAt.toString());
            return Multipart.of(fields, "file", fileName, mediaType, image);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Photo(UUID id, UUID clientId, String phase) {
    }

    public record NewSet(UUID beforePhotoId, UUID afterPhotoId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhotoSet(UUID id, String status) {
    }

    GalleryApi(StippleApi api) {
        super(api, "gallery-service", StippleApi.Endpoints::gallery);
    }

    /** Uploads a photo (staff); the answer as it came: 201, or why the gallery refused it. */
    public ApiCall uploadCall(PhotoUpload upload) {
        return call("POST", "/api/v1/gallery/photos").multipart(upload.form());
    }

    public Photo upload(PhotoUpload upload) {
        return uploadCall(upload).fetch(Photo.class);
    }

    public Versioned<PhotoSet> createSet(NewSet set, String idempotencySeed) {
        return call("POST", "/api/v1/gallery/sets").idempotencyKey(idempotencySeed).json(set)
                .fetchVersioned(PhotoSet.class);
    }

    /** Submits a set for review (staff). */
    public Versioned<PhotoSet> submitSet(UUID setId, String etag) {
        return call("POST", "/api/v1/gallery/sets/" + setId + "/submit").ifMatch(etag).fetchVersioned(PhotoSet.class);
    }

    /** Publishes a submitted set to the public gallery (admin). */
    public Versioned<PhotoSet> publishSet(UUID setId, String etag) {
        return call("POST", "/api/v1/gallery/sets/" + setId + "/publish").ifMatch(etag).fetchVersioned(PhotoSet.class);
    }

    /** The first page of the public gallery's sets. */
    public Page<Ref> publicSets(int size) {
        return call("GET", "/api/v1/gallery/public/sets").query("size", size).fetchPage(Ref.class);
    }
}
