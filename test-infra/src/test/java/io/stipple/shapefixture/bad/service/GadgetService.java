package io.stipple.shapefixture.bad.service;

import io.stipple.shapefixture.bad.rest.GadgetRequest;
import jakarta.persistence.EntityManager;

/** Takes the HTTP layer's record and queries on its own: both violations. */
public class GadgetService {
    EntityManager em;

    public Object create(GadgetRequest request) {
        return em.createNativeQuery("select 1 where ? is not null").setParameter(1, request.name()).getSingleResult();
    }
}
