package io.stipple.client.service;

import io.stipple.client.domain.Channel;
import io.stipple.client.domain.Client;
import io.stipple.client.domain.PhoneNumbers;
import io.stipple.client.domain.Sex;
import io.stipple.client.messaging.ClientEventPublisher;
import io.stipple.client.repository.ClientRepository;
import io.stipple.platform.problem.ProblemException;
import io.stipple.platform.security.Caller;
import io.stipple.platform.web.ETags;
import io.stipple.platform.web.Page;
import io.stipple.platform.web.PageQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Registering, reading, searching and updating clients. */
@ApplicationScoped
@Transactional
public class ClientService {

    private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    @Inject
    ClientRepository clients;

    @Inject
    ClientAccess access;

    @Inject
    Caller caller;

    @Inject
    ClientEventPublisher events;

    @Inject
    Clock clock;

    /**
     * A client's details as given, to register them or replace them; validated and normalised here (a problem names
     * the field: {@code locale}, {@code timeZone}, {@code email}, {@code phone}).
     */
    public record ClientDetails(String firstName, String lastName, String email, String phone, LocalDate dateOfBirth,
                                Sex sex, String genderIdentity, String timeZone, String locale,
                                List<Channel> preferredChannels, Boolean marketingOptIn) {
    }

    public Client register(ClientDetails given) {
        UUID clinicId = caller.clinicId();
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.clinicId = clinicId;
        Details details = details(given);
        refuseDuplicates(client, details);
        details.applyTo(client);
        client.createdAt = now();
        client.updatedAt = client.createdAt;
        clients.add(client);
        flush();
        events.registered(client);
        return client;
    }

    public Client get(UUID clientId) {
        return access.readable(clientId);
    }

    /** Replaces the client's details if {@code expectedVersion} is current (412 otherwise). */
    public Client update(UUID clientId, long expectedVersion, ClientDetails given) {
        Client client = access.manageable(clientId);
        ETags.checkCurrent(expectedVersion, client.version);
        Details details = details(given);
        // checked before the entity changes, so the queries do not flush a duplicate into the table
        refuseDuplicates(client, details);
        details.applyTo(client);
        client.updatedAt = now(); // always dirty, so every accepted update gets a new version
        flush();
        events.updated(client);
        return client;
    }

    /**
     * Clients the caller may see, oldest first, optionally filtered by part of the name, exact email or phone
     * (normalised the same way as on registration).
     */
    public Page<Client> search(String name, String email, String phone, PageQuery page) {
        ClientAccess.Scope scope = access.listScope();
        String normalisedEmail = email == null || email.isBlank() ? null : Client.normaliseEmail(email);
        String normalisedPhone = phone == null || phone.isBlank() ? null : PhoneNumbers.toE164(phone, null);
        return clients.search(scope.clinicId(), scope.onlyIds(), name, normalisedEmail, normalisedPhone, page);
    }

    /** The details validated and normalised. */
    private static Details details(ClientDetails r) {
        Locale locale = locale(r.locale());
        return new Details(r.firstName().trim(), r.lastName().trim(), Client.normaliseEmail(r.email()),
                PhoneNumbers.toE164(r.phone(), locale), r, zone(r.timeZone()), locale.toLanguageTag());
    }

    private record Details(String firstName, String lastName, String email, String phone, ClientDetails r,
                           String timeZone, String locale) {
        void applyTo(Client client) {
            client.firstName = firstName;
            client.lastName = lastName;
            client.email = email;
            client.phone = phone;
            client.dateOfBirth = r.dateOfBirth();
            client.sex = r.sex();
            client.genderIdentity = r.genderIdentity() == null || r.genderIdentity().isBlank()
                    ? null : r.genderIdentity().trim();
            client.timeZone = timeZone;
            client.locale = locale;
            client.channels(r.preferredChannels() == null || r.preferredChannels().isEmpty()
                    ? List.of(Channel.EMAIL) : r.preferredChannels());
            client.marketingOptIn = r.marketingOptIn();
        }
    }

    /** A second client with the same email or phone in the clinic is refused, naming the existing one. */
    private void refuseDuplicates(Client client, Details details) {
        Optional<Client> sameEmail = clients.findByEmail(client.clinicId, details.email())
                .filter(other -> !other.id.equals(client.id));
        if (sameEmail.isPresent()) {
            throw duplicate("email", sameEmail.get().id);
        }
        if (details.phone() != null) {
            Optional<Client> samePhone = clients.findByPhone(client.clinicId, details.phone())
                    .filter(other -> !other.id.equals(client.id));
            if (samePhone.isPresent()) {
                throw duplicate("phone", samePhone.get().id);
            }
        }
    }

    private static ProblemException duplicate(String field, UUID existing) {
        return ProblemException.conflict("duplicate-client",
                        "A client with this " + field + " already exists in the clinic: " + existing)
                .with("field", field)
                .with("existingClientId", existing);
    }

    /** Flushes now so a concurrent duplicate (unique index) is a 409, not a failure at commit. */
    private void flush() {
        try {
            clients.flushChanges();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.hibernate.exception.ConstraintViolationException cve
                        && cve.getConstraintName() != null && cve.getConstraintName().startsWith("client_")) {
                    String field = cve.getConstraintName().contains("phone") ? "phone" : "email";
                    throw ProblemException.conflict("duplicate-client",
                                    "A client with this " + field + " was registered at the same moment; search for it")
                            .with("field", field);
                }
            }
            throw e;
        }
    }

    private static Locale locale(String tag) {
        String trimmed = tag.trim().replace('_', '-');
        if (!LANGUAGE_TAG.matcher(trimmed).matches()) {
            throw ProblemException.invalidField("locale", "must be a BCP 47 language tag such as en-GB");
        }
        Locale locale = Locale.forLanguageTag(trimmed);
        if (locale.getLanguage().isEmpty()) {
            throw ProblemException.invalidField("locale", "must be a BCP 47 language tag such as en-GB");
        }
        return locale;
    }

    private static String zone(String zone) {
        String trimmed = zone.trim();
        if (!ZoneId.getAvailableZoneIds().contains(trimmed)) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/London");
        }
        return trimmed;
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
