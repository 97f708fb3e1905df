package io.stipple.booking.messaging.handlers;

import io.stipple.booking.messaging.ClientEventsReceived.AssessmentRecorded;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** AssessmentRecorded received: the client's latest assessment in the projection. */
@ApplicationScoped
public class AssessmentRecordedHandler implements IncomingEventHandler<AssessmentRecorded> {

    @Inject
    ClientProjectionService projection;

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
        projection.assessment(event, data);
    }
}
