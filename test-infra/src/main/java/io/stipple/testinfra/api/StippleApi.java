package io.stipple.testinfra.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The one typed client of the four services' public HTTP APIs, for whatever seeds or drives them from outside (the
 * local stack's demo data, the journey tests' clinics and fixtures). One HTTP style: {@link java.net.http.HttpClient}
 * and Jackson; requests and answers are records ({@link ClientApi}, {@link BookingApi}, {@link NotificationApi},
 * {@link GalleryApi}); an error answer is an {@link ApiProblem} with its status, problem type and detail.
 *
 * <pre>{@code
 * StippleApi admin = StippleApi.connect(endpoints).as(adminToken);
 * BookingApi.Treatment smp = admin.booking().createTreatment(new BookingApi.NewTreatment(...), "smp");
 * }</pre>
 *
 * <p>Immutable: {@link #as(String)} gives a client acting with another bearer token.
 */
public final class StippleApi {

    /** Jackson as the services speak it: null fields left out, {@code java.time} as ISO-8601 text, unknown fields ignored. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** Where the four services listen: base URLs such as {@code http://localhost:8081}. */
    public record Endpoints(String client, String booking, String notification, String gallery) {
    }

    private final Endpoints endpoints;
    private final String token;

    private StippleApi(Endpoints endpoints, String token) {
        this.endpoints = endpoints;
        this.token = token;
    }

    /** A client without a token (public operations only); give it one with {@link #as(String)}. */
    public static StippleApi connect(Endpoints endpoints) {
        return new StippleApi(endpoints, null);
    }

    /** The same services, called with this bearer token. */
    public StippleApi as(String bearerToken) {
        return new StippleApi(endpoints, bearerToken);
    }

    public String token() {
        return token;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** client-service: clients, assessments, screenings, consents, plans, partners. */
    public ClientApi clients() {
        return new ClientApi(this);
    }

    /** booking-service: clinic profile, catalogue, rooms, technicians, closures, availability, bookings. */
    public BookingApi booking() {
        return new BookingApi(this);
    }

    /** notification-service: the notification log, preferences, webhook subscriptions and deliveries. */
    public NotificationApi notifications() {
        return new NotificationApi(this);
    }

    /** gallery-service: photos and before/after sets. */
    public GalleryApi gallery() {
        return new GalleryApi(this);
    }

    ApiCall call(String method, String service, String base, String path) {
        return new ApiCall(this, method, service, base, path);
    }
}
