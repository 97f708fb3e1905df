package io.stipple.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list in a stable order, with the totals a front end needs for paging. */
public record Page<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> Page<T> of(List<T> items, PageQuery query, long totalItems) {
        int pages = (int) ((totalItems + query.size - 1) / query.size);
        return new Page<>(items, query.page, query.size, totalItems, pages);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
