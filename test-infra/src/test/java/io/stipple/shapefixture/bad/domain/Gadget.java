package io.stipple.shapefixture.bad.domain;

import io.stipple.shapefixture.bad.service.GadgetService;

/** A domain type that reaches up into the service layer. */
public record Gadget(GadgetService owner) {
}
