package io.stipple.notification.service;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.stipple.notification.config.NotificationConfig;
import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.Money;
import io.stipple.notification.domain.ReminderType;
import io.stipple.notification.domain.Zones;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders reminders with Qute templates {@code templates/notifications/<locale>/<type>/<part>.txt}, part
 * {@code subject} (email subject, push title), {@code email}, {@code sms} or {@code push}. The client's
 * locale is tried first ({@code en-GB}, then {@code en}), then the default locale; times are shown in
 * the clinic's zone, formatted for the locale, amounts of money in the locale's way with the currency's decimals. An
 * optional part {@code reason} words the reason code of a refund or fee: it is rendered first, as {@code reasonText}.
 */
@ApplicationScoped
public class TemplateRenderer {

    /** A rendered message: {@code subject} is null for SMS. */
    public record Rendered(String subject, String body, String locale) {
    }

    @Inject
    Engine engine;

    @Inject
    NotificationConfig config;

    private final Map<String, Template> resolved = new ConcurrentHashMap<>();

    /**
     * @param facts what the reminder was scheduled with (clinic, appointment, day numbers...)
     * @param firstName the client's first name, or null
     */
    public Rendered render(ReminderType type, Channel channel, String localeTag, ZoneId zone, Map<String, Object> facts,
                           String firstName) {
        String locale = resolveLocale(type, localeTag);
        Locale javaLocale = Locale.forLanguageTag(locale);
        Map<String, Object> data = model(facts, firstName, zone, localeTag == null ? javaLocale : Locale.forLanguageTag(localeTag));
        String base = "notifications/" + locale + "/" + type.templateName() + "/";
        // a type may word its reason codes in an optional part of its own (refunds and fees: why), in the same locale
        Template reason = template(base + "reason", false);
        data.put("reasonText", reason == null ? "" : reason.data(data).render().strip());
        String body = template(base + channel.name().toLowerCase(Locale.ROOT)).data(data).render().strip();
        String subject = channel == Channel.SMS ? null : template(base + "subject").data(data).render().strip();
        return new Rendered(subject, body, locale);
    }

    /** The locale of the templates used: the client's, its language, else the default. */
    String resolveLocale(ReminderType type, String localeTag) {
        List<String> candidates = new ArrayList<>();
        if (localeTag != null && !localeTag.isBlank()) {
            Locale locale = Locale.forLanguageTag(localeTag.replace('_', '-'));
            if (!locale.toLanguageTag().equals("und")) {
                candidates.add(locale.toLanguageTag());
                candidates.add(locale.getLanguage());
            }
        }
        candidates.add(config.defaultLocale());
        for (String candidate : candidates) {
            if (template("notifications/" + candidate + "/" + type.templateName() + "/subject", false) != null) {
                return candidate;
            }
        }
        throw new IllegalStateException("no templates for " + type + " in " + candidates);
    }

    private Map<String, Object> model(Map<String, Object> facts, String firstName, ZoneId zone, Locale locale) {
        Map<String, Object> data = new HashMap<>();
        for (String key : List.of("clinicName", "treatmentName", "technicianName", "preparationNotes", "manageUrl", "offerUrl",
                "paymentId")) {
            Object value = facts.get(key);
            data.put(key, value == null ? "" : value.toString());
        }
        if (data.get("clinicName").toString().isEmpty()) data.put("clinicName", "your clinic");
        if (data.get("treatmentName").toString().isEmpty()) data.put("treatmentName", "");
        data.put("firstName", firstName == null || firstName.isBlank() ? "there" : firstName);
        for (String key : List.of("sessionNumber", "nextSessionNumber", "day", "months", "tipNumber", "healingIntervalDays")) {
            Object value = facts.get(key);
            data.put(key, value instanceof Number n ? n.intValue() : 0);
        }
        // appointment and offer times in the clinic's local time (the client comes to the clinic)
        ZoneId clinicZone = facts.get("clinicTimeZone") == null ? zone : Zones.orUtc(facts.get("clinicTimeZone").toString());
        data.put("appointmentTime", time(facts.get("startsAt"), clinicZone, locale));
        data.put("offerExpiresTime", time(facts.get("offerExpiresAt"), clinicZone, locale));
        data.put("offeredToOthers", "OFFER_TO_ALL".equals(facts.get("mode")));
        // payment receipts: the amount with the currency's own decimals and the locale's symbol, when it was paid
        data.put("amount", facts.get("amountMinor") instanceof Number minor && facts.get("currency") != null
                ? Money.of(minor.longValue(), facts.get("currency").toString()).format(locale) : "");
        data.put("paymentTime", time(facts.get("paymentAt"), clinicZone, locale));
        data.put("reason", facts.get("reason") == null ? "" : facts.get("reason").toString());
        return data;
    }

    private static String time(Object instant, ZoneId zone, Locale locale) {
        return instant == null ? "" : formatTime(Instant.parse(instant.toString()), zone, locale);
    }

    /** The locale's full date and short time with the zone abbreviation: "Friday, 27 November 2026, 10:00 GMT" in en-GB. */
    public static String formatTime(Instant instant, ZoneId zone, Locale locale) {
        ZonedDateTime local = instant.atZone(zone);
        String dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale).format(local);
        return dateTime + " " + DateTimeFormatter.ofPattern("zzz", locale).format(local);
    }

    private Template template(String id) {
        return template(id, true);
    }

    private Template template(String id, boolean required) {
        Template template = resolved.computeIfAbsent(id, key -> {
            Template found = engine.getTemplate(key);
            return found == null ? MISSING : found;
        });
        if (template == MISSING) {
            if (required) throw new IllegalStateException("template " + id + " is missing");
            return null;
        }
        return template;
    }

    private static final Template MISSING = io.quarkus.qute.Engine.builder().addDefaults().build().parse("");
}
