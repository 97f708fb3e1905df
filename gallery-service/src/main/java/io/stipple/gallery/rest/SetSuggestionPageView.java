package io.stipple.gallery.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A page of suggestions, shaped like every other list (the schema of the suggestions' {@code Page}). */
@Schema(name = "SetSuggestionPage")
public record SetSuggestionPageView(List<SetSuggestionView> items, int page, int size, long totalItems, int totalPages) {
}
