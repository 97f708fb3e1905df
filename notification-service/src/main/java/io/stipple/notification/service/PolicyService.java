package io.stipple.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.PolicyRules;
import io.stipple.notification.domain.ReminderPolicy;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.ETags;
import io.stipple.notification.repository.ReminderPolicyRepository;
import io.stipple.notification.repository.ReminderPolicyRepository.DefaultPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reminder policies: each clinic inherits the default until an admin saves its own copy. Reads used by
 * the dispatcher go through a short cache so a round does not query the policy per reminder.
 */
@ApplicationScoped
@Transactional
public class PolicyService {

    /** A clinic's effective policy and whether it is still the inherited default. */
    public record EffectivePolicy(UUID clinicId, PolicyRules rules, long version, boolean inherited, Instant updatedAt,
                                  String updatedBy) {
    }

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    NotificationConfig config;

    @Inject
    ReminderPolicyRepository policies;

    @Inject
    Caller caller;

    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();
    private volatile ObjectMapper documentMapper;

    private record Cached(PolicyRules rules, Instant loadedAt) {
    }

    /** The clinic's own policy, or the default it inherits. */
    public EffectivePolicy effective(UUID clinicId) {
        ReminderPolicy own = policies.find(clinicId).orElse(null);
        if (own != null) {
            return new EffectivePolicy(clinicId, read(own.document), etag(own), false, own.updatedAt, own.updatedBy);
        }
        DefaultPolicy defaults = defaultRow();
        return new EffectivePolicy(clinicId, read(defaults.document()), 0, true, defaults.updatedAt(), defaults.updatedBy());
    }

    public PolicyRules rulesFor(UUID clinicId) {
        return effective(clinicId).rules();
    }

    /** The default every clinic starts from. */
    public PolicyRules defaults() {
        return read(defaultRow().document());
    }

    /**
     * Replaces the clinic's policy. {@code expectedVersion} is the ETag the admin read: 0 while the clinic
     * still inherits the default (its first save creates its own copy). The calling admin is recorded as the author.
     */
    public EffectivePolicy replace(UUID clinicId, PolicyRules rules, long expectedVersion) {
        rules.check();
        ReminderPolicy own = policies.find(clinicId).orElse(null);
        Instant now = Instant.now(clock);
        String by = caller.actor();
        if (own == null) {
            ETags.checkCurrent(expectedVersion, 0);
            own = new ReminderPolicy();
            own.clinicId = clinicId;
            own.document = write(rules);
            own.updatedAt = now;
            own.updatedBy = by;
            policies.add(own);
        } else {
            ETags.checkCurrent(expectedVersion, etag(own));
            own.document = write(rules);
            own.updatedAt = now;
            own.updatedBy = by;
        }
        policies.flush();
        cache.remove(clinicId);
        return new EffectivePolicy(clinicId, rules, etag(own), false, own.updatedAt, own.updatedBy);
    }

    /**
     * The clinic's rules, at most {@code notification.policy-cache-ttl} old (for the dispatcher's retries;
     * transactional so it also reads on the dispatcher's own threads).
     */
    public PolicyRules cachedRules(UUID clinicId) {
        Instant now = Instant.now(clock);
        Cached cached = cache.get(clinicId);
        if (cached != null && cached.loadedAt.plus(config.policyCacheTtl()).isAfter(now)
                && !cached.loadedAt.isAfter(now)) {
            return cached.rules;
        }
        PolicyRules rules = rulesFor(clinicId);
        cache.put(clinicId, new Cached(rules, now));
        return rules;
    }

    /** ETag version of a clinic's own policy: 0 means "inherited", so its own copy counts from 1. */
    private static long etag(ReminderPolicy own) {
        return own.version + 1;
    }

    /** The default policy row (table reminder_policy_default: global, no clinic's data). */
    private DefaultPolicy defaultRow() {
        return policies.defaultPolicy();
    }

    PolicyRules read(String document) {
        try {
            return documentMapper().readValue(document, PolicyRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reminder policy is unreadable: " + e.getOriginalMessage(), e);
        }
    }

    String write(PolicyRules rules) {
        try {
            return documentMapper().writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectMapper documentMapper() {
        if (documentMapper == null) {
            // stored documents may carry fields a newer version wrote: tolerate them
            documentMapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        }
        return documentMapper;
    }
}
