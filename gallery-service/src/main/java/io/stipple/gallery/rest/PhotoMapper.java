package io.stipple.gallery.rest;

import io.stipple.gallery.domain.Photo;

/** The one mapping from the photo entity to its API record. */
final class PhotoMapper {

    private PhotoMapper() {
    }

    static PhotoView toView(Photo p) {
        String base = "/api/v1/gallery/photos/" + p.id;
        return new PhotoView(p.id, p.clientId, p.bookingId, p.sessionNumber, p.phase, p.angle, p.takenAt, p.uploadedAt,
                p.sourceFormat, p.width, p.height, p.fullBytes,
                new PhotoView.Links(base + "/content?rendition=display", base + "/content?rendition=thumbnail",
                        base + "/content?rendition=full", base + "/signed-link"),
                p.version);
    }
}
