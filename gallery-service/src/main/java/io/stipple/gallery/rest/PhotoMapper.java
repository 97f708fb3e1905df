package io.stipple.gallery.rest;

import io.stipple.gallery.domain.AccessAuditEntry;
import io.stipple.gallery.domain.Photo;

/** The one mapping from the photo entity (and its access log) to the API records. */
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

    static AccessLogEntryView toAccessLogView(AccessAuditEntry e) {
        return new AccessLogEntryView(e.id, e.action, e.rendition, e.actor, e.actorRole, e.setId, e.correlationId, e.accessedAt);
    }
}
