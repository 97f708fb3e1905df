package io.stipple.shapefixture.good.repository;

import io.stipple.shapefixture.good.domain.Widget;
import jakarta.persistence.EntityManager;

/** Queries live here. */
public class WidgetRepository {
    EntityManager em;

    public Object byName(String name) {
        return em.createQuery("select w from Widget w where w.name = :n").setParameter("n", name).getSingleResult();
    }

    public Widget widget(String name) {
        return new Widget(name);
    }
}
