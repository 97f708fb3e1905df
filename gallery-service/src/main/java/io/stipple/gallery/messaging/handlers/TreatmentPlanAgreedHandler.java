package io.stipple.gallery.messaging.handlers;

import io.stipple.gallery.messaging.ClientEventsReceived.TreatmentPlanAgreed;
import io.stipple.gallery.service.ClientProjection;
import io.stipple.platform.events.EventEnvelope;
import io.stipple.platform.events.Topics;
import io.stipple.platform.inbox.IncomingEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;
import java.util.UUID;

/** TreatmentPlanAgreed: the treatment type (and condition/stage if no assessment was seen yet). */
@ApplicationScoped
public class TreatmentPlanAgreedHandler implements IncomingEventHandler<TreatmentPlanAgreed> {

    @Inject
    ClientProjection projection;

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
        UUID clinicId = EventChecks.clinicOf(event);
        EventChecks.clientOf(event, data.clientId());
        projection.treatmentPlanAgreed(clinicId, data);
    }
}
