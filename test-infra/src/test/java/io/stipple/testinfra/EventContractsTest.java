package io.stipple.testinfra;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI documents are consistent: every documented example matches its own schema. */
class EventContractsTest {

    @Test
    void every_documented_example_matches_its_schema() {
        for (String service : List.of("client-service", "booking-service", "gallery-service")) {
            EventContracts contracts = EventContracts.forService(service);
            assertThat(contracts.messageNames()).as(service).isNotEmpty();
            for (String message : contracts.messageNames()) {
                assertThat(contracts.validate(message, contracts.example(message))).as(service + " " + message).isEmpty();
            }
        }
    }

    @Test
    void an_event_that_breaks_the_schema_is_reported_with_the_reason() {
        EventContracts contracts = EventContracts.forService("client-service");
        var event = contracts.exampleNode("TreatmentPlanAgreed");
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("data")).put("plannedSessions", 9);
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.get("data")).remove("sex");
        event.put("id", "not-a-uuid");

        List<String> problems = contracts.validate("TreatmentPlanAgreed", event.toString());

        assertThat(problems).anyMatch(p -> p.contains("plannedSessions"));
        assertThat(problems).anyMatch(p -> p.contains("sex"));
        assertThat(problems).anyMatch(p -> p.contains("id"));
    }

    @Test
    void a_message_of_another_type_does_not_pass_as_this_one() {
        EventContracts contracts = EventContracts.forService("client-service");
        assertThat(contracts.validate("ClientErased", contracts.example("ConsentGranted"))).isNotEmpty();
    }
}
