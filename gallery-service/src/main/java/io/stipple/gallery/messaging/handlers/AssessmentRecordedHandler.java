package io.stipple.gallery.messaging.handlers;

import io.stipple.gallery.messaging.ClientEventsReceived.AssessmentRecorded;
import io.stipple.gallery.service.ClientProjection;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/** AssessmentRecorded: condition, scale/stage and Fitzpatrick type for the public filters (latest assessedAt wins). */
@ApplicationScoped
public class AssessmentRecordedHandler implements IncomingEventHandler<AssessmentRecorded> {

    @Inject
    ClientProjection projection;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("AssessmentRecorded");
    }

    @Override
    public Class<AssessmentRecorded> dataType() {
        return AssessmentRecorded.class;
    }

    @Override
    public void handle(EventEnvelope event, AssessmentRecorded data) {
        UUID clinicId = EventChecks.clinicOf(event);
        EventChecks.clientOf(event, data.clientId());
        projection.assessmentRecorded(clinicId, data);
    }
}
