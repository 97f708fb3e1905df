package io.stipple.testinfra.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One page of a list (platform {@code Page}): the items and the totals. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {
}
