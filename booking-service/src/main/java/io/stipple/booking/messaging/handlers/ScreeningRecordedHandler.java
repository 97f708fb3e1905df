package io.stipple.booking.messaging.handlers;

import io.stipple.booking.messaging.ClientEventsReceived.ScreeningRecorded;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** ScreeningRecorded received: the client's eligibility in the projection. */
@ApplicationScoped
public class ScreeningRecordedHandler implements IncomingEventHandler<ScreeningRecorded> {

    @Inject
    ClientProjectionService projection;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("ScreeningRecorded");
    }

    @Override
    public Class<ScreeningRecorded> dataType() {
        return ScreeningRecorded.class;
    }

    @Override
    public void handle(EventEnvelope event, ScreeningRecorded data) {
        projection.screening(event, data);
    }
}
