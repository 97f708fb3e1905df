package io.stipple.testinfra.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** The id of a record an operation created, where nothing else of its answer is needed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Ref(UUID id) {
}
