package io.stipple.gallery.rest;

import io.stipple.gallery.domain.PhotoSet;

/** The one mapping from the set entity (and its suggested pairings) to the API records. */
final class SetMapper {

    private SetMapper() {
    }

    static SetView toView(PhotoSet s) {
        return new SetView(s.id, s.clientId, s.angle, s.beforePhotoId, s.afterPhotoId, s.afterPhase, s.status,
                s.createdAt, s.submittedAt, s.publishedAt, s.withdrawnAt, s.withdrawalReason, s.moderationNote,
                s.treatmentType, s.condition, s.scale, s.stage, s.fitzpatrickType,
                "/api/v1/gallery/sets/" + s.id + "/composite", s.version);
    }

    static SetSuggestionView toSuggestionView(PhotoSet.Pairing p) {
        return new SetSuggestionView(p.angle(), p.before().id, p.after().id, p.after().phase, p.before().takenAt,
                p.after().takenAt);
    }
}
