package io.stipple.booking.messaging.handlers;

import io.stipple.booking.messaging.ClientEventsReceived.TreatmentPlanClosed;
import io.stipple.booking.service.ClientProjectionService;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * TreatmentPlanCancelled and TreatmentPlanCompleted received: the plan closed; a cancelled plan's future sessions are
 * cancelled too.
 */
@ApplicationScoped
public class TreatmentPlanClosedHandler implements IncomingEventHandler<TreatmentPlanClosed> {

    @Inject
    ClientProjectionService projection;

    @Override
    public String topic() {
        return Topics.CLIENTS;
    }

    @Override
    public Set<String> eventNames() {
        return Set.of("TreatmentPlanCancelled", "TreatmentPlanCompleted");
    }

    @Override
    public Class<TreatmentPlanClosed> dataType() {
        return TreatmentPlanClosed.class;
    }

    @Override
    public void handle(EventEnvelope event, TreatmentPlanClosed data) {
        projection.planClosed(event, data, "TreatmentPlanCancelled".equals(event.eventName()));
    }
}
