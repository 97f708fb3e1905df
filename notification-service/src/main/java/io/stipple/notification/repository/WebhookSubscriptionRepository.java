package io.stipple.notification.repository;

import io.stipple.notification.domain.WebhookSubscription;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Partner webhook subscriptions ({@code webhook_subscription}), inside the caller's transaction. */
@ApplicationScoped
public class WebhookSubscriptionRepository {

    @Inject
    EntityManager em;

    public Optional<WebhookSubscription> find(UUID id) {
        return WebhookSubscription.findByIdOptional(id);
    }

    /** How many subscriptions the owner holds in the clinic: the clinic's own ({@code partnerId} null) or a partner's. */
    public long countOwned(UUID clinicId, String partnerId) {
        return partnerId == null
                ? WebhookSubscription.count("clinicId = ?1 and ownerPartnerId is null", clinicId)
                : WebhookSubscription.count("clinicId = ?1 and ownerPartnerId = ?2", clinicId, partnerId);
    }

    /** A page of the clinic's subscriptions (every one when {@code partnerId} is null, else the partner's), oldest first. */
    public Page<WebhookSubscription> page(UUID clinicId, String partnerId, PageQuery page) {
        var query = partnerId == null
                ? WebhookSubscription.<WebhookSubscription>find("clinicId = ?1 order by createdAt, id", clinicId)
                : WebhookSubscription.<WebhookSubscription>find("clinicId = ?1 and ownerPartnerId = ?2 order by createdAt, id",
                clinicId, partnerId);
        return Page.of(query.page(page.page, page.size).list(), page, query.count());
    }

    /** The clinic's active subscriptions (fan-out). */
    public List<WebhookSubscription> active(UUID clinicId) {
        return WebhookSubscription.list("clinicId = ?1 and active = true", clinicId);
    }

    public void add(WebhookSubscription subscription) {
        subscription.persist();
    }

    public void remove(WebhookSubscription subscription) {
        subscription.delete();
    }

    /** Writes pending changes of the caller's transaction now (version checks, constraints). */
    public void flush() {
        em.flush();
    }
}
