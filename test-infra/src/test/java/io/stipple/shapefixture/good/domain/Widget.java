package io.stipple.shapefixture.good.domain;

/** A domain type of the compliant fixture service. */
public record Widget(String name) {
}
