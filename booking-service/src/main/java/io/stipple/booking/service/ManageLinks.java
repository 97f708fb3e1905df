package io.stipple.booking.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.stipple.booking.config.BookingConfig;
import io.stipple.booking.domain.Booking;
import io.stipple.booking.domain.BookingStatus;
import io.stipple.booking.repository.BookingRepository;
import io.stipple.platform.sealing.HmacSigner;
import io.stipple.platform.tenancy.Tenancy;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A booking's manage link: a token, carried in BookingConfirmed for the confirmation message, that lets whoever holds
 * it view, reschedule or cancel that one booking without logging in, as its client and under the client's rules
 * (the clinic's notice). It is {@code base64url(clinicId ‖ bookingId ‖ HMAC-SHA256)} (86 characters), the HMAC
 * over purpose, clinic and booking with {@code booking.manage-links.secret}; it holds no expiry because the booking
 * decides: the link works while the booking is confirmed, checked in or (for a view) ended less than
 * {@code booking.manage-links.valid-after-end} ago, and never again once it is cancelled.
 *
 * <p>A token that is malformed, forged, for another booking or no longer usable is answered exactly like a booking
 * that does not exist (404); the signature is checked in constant time before the database is asked anything.
 */
@ApplicationScoped
public class ManageLinks {

    private static final String PURPOSE = "stipple-manage-link-v1";
    private static final int MAC_BYTES = 32;
    private static final int TOKEN_BYTES = 16 + 16 + MAC_BYTES;
    private static final Set<BookingStatus> LINKED = EnumSet.of(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN,
            BookingStatus.COMPLETED, BookingStatus.NO_SHOW);

    @Inject
    BookingConfig config;

    @Inject
    BookingRepository bookings;

    @Inject
    Access access;

    @Inject
    Clock clock;

    private HmacSigner signer;

    @PostConstruct
    void init() {
        signer = HmacSigner.fromSecret(config.manageLinks().secret(), "booking.manage-links.secret");
    }

    /** The booking a token names, if its signature is this service's. */
    public record Link(UUID clinicId, UUID bookingId) {
    }

    public String token(Booking booking) {
        ByteBuffer bytes = ByteBuffer.allocate(TOKEN_BYTES);
        put(bytes, booking.clinicId);
        put(bytes, booking.id);
        bytes.put(signer.mac(PURPOSE, booking.clinicId.toString(), booking.id.toString()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The link a token carries, when it is well formed and signed by this service; empty otherwise. */
    public Optional<Link> read(String token) {
        if (token == null || token.length() != (TOKEN_BYTES * 4 + 2) / 3) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (raw.length != TOKEN_BYTES) {
            return Optional.empty();
        }
        ByteBuffer bytes = ByteBuffer.wrap(raw);
        UUID clinic = new UUID(bytes.getLong(), bytes.getLong());
        UUID booking = new UUID(bytes.getLong(), bytes.getLong());
        byte[] mac = new byte[MAC_BYTES];
        bytes.get(mac);
        return signer.verify(mac, PURPOSE, clinic.toString(), booking.toString())
                ? Optional.of(new Link(clinic, booking)) : Optional.empty();
    }

    /**
     * Runs {@code work} as the holder of the link: in the link's clinic, in one new transaction, as the booking's
     * client. Empty (answer 404) when the booking is gone, anonymised, cancelled or ended too long ago.
     */
    public <T> Optional<T> asHolder(Link link, Supplier<T> work) {
        return Tenancy.asClinic(link.clinicId(), () -> QuarkusTransaction.requiringNew().call(() -> {
            Optional<Booking> usable = bookings.find(link.clinicId(), link.bookingId())
                    .filter(b -> b.clientId != null && LINKED.contains(b.status)
                            && clock.instant().isBefore(b.endsAt.plus(config.manageLinks().validAfterEnd())));
            if (usable.isEmpty()) {
                return Optional.empty();
            }
            access.actAsLinkHolder(link.clinicId(), usable.get().clientId);
            return Optional.of(work.get());
        }));
    }

    private static void put(ByteBuffer bytes, UUID id) {
        bytes.putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
    }
}
