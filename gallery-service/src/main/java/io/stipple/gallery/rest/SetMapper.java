package io.stipple.gallery.rest;

import io.stipple.gallery.domain.PhotoSet;

/** The one mapping from the set entity to its private API record. */
final class SetMapper {

    private SetMapper() {
    }

    static SetView toView(PhotoSet s) {
        return new SetView(s.id, s.clientId, s.angle, s.beforePhotoId, s.afterPhotoId, s.afterPhase, s.status,
                s.createdAt, s.submittedAt, s.publishedAt, s.withdrawnAt, s.withdrawalReason, s.moderationNote,
                s.treatmentType, s.condition, s.scale, s.stage, s.fitzpatrickType,
                "/api/v1/gallery/sets/" + s.id + "/composite", s.version);
    }
}
