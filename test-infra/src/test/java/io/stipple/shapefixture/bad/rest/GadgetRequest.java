package io.stipple.shapefixture.bad.rest;

/** An API record. */
public record GadgetRequest(String name) {
}
