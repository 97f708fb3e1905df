package io.stipple.booking.messaging.handlers;

import io.stipple.booking.messaging.ClientEventsReceived.TreatmentPlanAgreed;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** TreatmentPlanAgreed received: the plan (and its healing interval) in the projection. */
@ApplicationScoped
public class TreatmentPlanAgreedHandler implements IncomingEventHandler<TreatmentPlanAgreed> {

    @Inject
    ClientProjectionService projection;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("TreatmentPlanAgreed");
    }

    @Override
    public Class<TreatmentPlanAgreed> dataType() {
        return TreatmentPlanAgreed.class;
    }

    @Override
    public void handle(EventEnvelope event, TreatmentPlanAgreed data) {
        projection.planAgreed(event, data);
    }
}
