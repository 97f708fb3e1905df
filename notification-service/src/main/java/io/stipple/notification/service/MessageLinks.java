package io.stipple.notification.service;

import io.quarkus.runtime.Startup;
import io.stipple.notification.config.NotificationConfig;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The links messages carry, from {@code notification.links.*}: a booking's manage page (its secret token put in) and
 * the page where a waitlist offer is accepted. A template without its placeholder is refused at startup.
 */
@Startup
@ApplicationScoped
public class MessageLinks {

    static final String TOKEN = "{token}";
    static final String OFFER_ID = "{offerId}";

    /** booking-service's manage tokens are base64url; anything else is not put into a URL. */
    private static final Pattern TOKEN_TEXT = Pattern.compile("[A-Za-z0-9_-]{16,256}");

    @Inject
    NotificationConfig config;

    @PostConstruct
    void check() {
        require(config.links().manageBookingUrl(), TOKEN, "notification.links.manage-booking-url");
        require(config.links().waitlistOfferUrl(), OFFER_ID, "notification.links.waitlist-offer-url");
    }

    /** True for a token that may be stored and put into a link (base64url text). */
    public static boolean isManageToken(String token) {
        return token != null && TOKEN_TEXT.matcher(token).matches();
    }

    /** The booking's manage page; empty without a (well-formed) token. */
    public Optional<String> manageBooking(String token) {
        return isManageToken(token) ? Optional.of(config.links().manageBookingUrl().replace(TOKEN, token)) : Optional.empty();
    }

    /** The manage page as configured, the token not filled in (what a preview shows instead of the client's secret). */
    public String manageBookingTemplate() {
        return config.links().manageBookingUrl();
    }

    /** The page that accepts the waitlist offer. */
    public String waitlistOffer(UUID offerId) {
        return config.links().waitlistOfferUrl().replace(OFFER_ID, offerId.toString());
    }

    private static void require(String template, String placeholder, String property) {
        if (!template.contains(placeholder)) {
            throw new IllegalStateException(property + " must contain " + placeholder + ": " + template);
        }
    }
}
