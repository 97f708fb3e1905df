package io.stipple.gallery.rest;

import io.stipple.gallery.domain.PhotoSet;

/** The one mapping from a published set to the public record; it copies nothing that identifies the client. */
final class PublicSetMapper {

    private PublicSetMapper() {
    }

    static PublicSetView toView(PhotoSet s) {
        String base = "/api/v1/gallery/public/sets/" + s.id + "/images/";
        return new PublicSetView(s.id, s.angle, s.afterPhase, s.treatmentType, s.condition, s.scale, s.stage,
                s.fitzpatrickType, s.clinicId, s.clinicName, s.publishedAt,
                new PublicSetView.Images(base + "before", base + "after", base + "composite"));
    }
}
