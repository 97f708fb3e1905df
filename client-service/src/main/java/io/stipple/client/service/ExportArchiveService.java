package io.stipple.client.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.client.service.ExportPartsClient.Forwarded;
import io.stipple.client.service.ExportPartsClient.Part;
import io.stipple.client.service.ExportPartsClient.PartAnswer;
import io.stipple.client.service.ExportPartsClient.PhotoBytes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The whole GDPR export of a client (Art. 15 access, Art. 20 portability) as one ZIP archive: client-service's own
 * export, booking-, gallery- and notification-service's parts, the photos' images and a manifest. Built in a
 * temporary file (deleted once sent) only after every part and every photo is in hand: a service that cannot give
 * its part makes the request fail (503, see {@link ExportPartsClient}) instead of producing an archive that looks
 * complete without it.
 *
 * <p>Layout (documented in client-service's README):
 * <pre>
 * manifest.json               format, clientId, clinicId, generatedAt; per service: status, file, sha256, bytes,
 *                             description; per photo: photoId, file, mediaType, sha256, bytes
 * client-service.json         GET /api/v1/clients/{id}/export
 * booking-service.json        GET /api/v1/bookings/client-exports/{id}
 * gallery-service.json        GET /api/v1/gallery/client-exports/{id}
 * notification-service.json   GET /api/v1/notifications/client-exports/{id}
 * photos/&lt;photoId&gt;.jpg         each photo of gallery-service.json, full size
 * </pre>
 */
@ApplicationScoped
public class ExportArchiveService {

    public static final String MEDIA_TYPE = "application/zip";
    /** The archive format's name and version, first thing in the manifest. */
    public static final String FORMAT = "stipple-client-export/1";
    public static final String INCLUDED = "INCLUDED";
    /** The service answered that it holds nothing about the client in the clinic (HTTP 404). */
    public static final String NOTHING_HELD = "NOTHING_HELD";

    static final String CLIENT_SERVICE = "client-service";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            CLIENT_SERVICE, "Contact details and preferences, hair-loss assessments, medical screenings, consents and "
                    + "their history, treatment plans and the log of who read or changed them (client-service).",
            Part.BOOKING.service, "Every booking (consultations included, in any state) and every session record "
                    + "(areas, pigment, needles, duration, notes), with the client and plan facts booking-service keeps.",
            Part.GALLERY.service, "Photo consents and profile, every photo's metadata, before/after sets, completed "
                    + "sessions and every access to the client's images; the images themselves are under photos/.",
            Part.NOTIFICATION.service, "Contact details and notification preferences as used for reminders, the "
                    + "bookings reminders are sent for, every reminder scheduled or sent with its address and state, "
                    + "and every partner webhook delivery about the client with its recipient.");

    @Inject
    ExportPartsClient parts;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The archive in a temporary file, to be streamed and then deleted. */
    public record Archive(Path file, String filename) {
    }

    /**
     * @param clientPart client-service's own export as JSON; asked for (and audited) only once every other part and
     *                   photo is in hand
     */
    public Archive build(UUID clinicId, UUID clientId, Forwarded forwarded, Supplier<byte[]> clientPart) {
        Instant generatedAt = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Map<Part, PartAnswer> answers = parts.parts(clientId, forwarded);
        for (PartAnswer answer : answers.values()) {
            if (answer.held()) {
                checkNamesClient(answer, clientId);
            }
        }
        List<UUID> photoIds = photoIds(answers.get(Part.GALLERY));
        Path file;
        try {
            file = Files.createTempFile("stipple-export-", ".zip");
        } catch (IOException e) {
            throw new UncheckedIOException("creating the export archive", e);
        }
        try {
            write(file, generatedAt, clinicId, clientId, answers, photoIds, forwarded, clientPart);
            return new Archive(file, "stipple-export-" + clientId + ".zip");
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("writing the export archive", e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    private void write(Path file, Instant generatedAt, UUID clinicId, UUID clientId, Map<Part, PartAnswer> answers,
                       List<UUID> photoIds, Forwarded forwarded, Supplier<byte[]> clientPart) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            List<ObjectNode> services = new ArrayList<>();
            for (Part part : Part.values()) {
                PartAnswer answer = answers.get(part);
                byte[] body = answer.held() ? answer.json() : nothingHeld(part, clinicId, clientId, generatedAt);
                entry(zip, part.file(), body, true, generatedAt);
                services.add(serviceEntry(part.service, part.file(), answer.held() ? INCLUDED : NOTHING_HELD, body));
            }
            ArrayNode photos = json.createArrayNode();
            for (UUID photoId : photoIds) {
                PhotoBytes photo = parts.photo(photoId, forwarded);
                String name = "photos/" + photoId + "." + extension(photo.mediaType());
                entry(zip, name, photo.bytes(), false, generatedAt);
                photos.addObject()
                        .put("photoId", photoId.toString())
                        .put("file", name)
                        .put("mediaType", photo.mediaType())
                        .put("bytes", photo.bytes().length)
                        .put("sha256", sha256(photo.bytes()))
                        .put("description", "Full-size image of photo " + photoId + " of gallery-service.json, as the "
                                + "gallery stores it (re-encoded at upload, without any metadata)");
            }
            byte[] own = clientPart.get();
            entry(zip, CLIENT_SERVICE + ".json", own, true, generatedAt);
            services.add(0, serviceEntry(CLIENT_SERVICE, CLIENT_SERVICE + ".json", INCLUDED, own));

            ObjectNode manifest = json.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("description", "Everything Stipple holds about the client, from each of its four services "
                    + "(GDPR Art. 15 and 20). Each service's file is its own JSON export; photos/ holds the images of "
                    + "the photos listed in gallery-service.json. sha256 is the hex SHA-256 of the file's bytes.");
            manifest.put("clientId", clientId.toString());
            manifest.put("clinicId", clinicId.toString());
            manifest.put("generatedAt", generatedAt.toString());
            manifest.put("complete", true);
            manifest.putArray("services").addAll(services);
            manifest.set("photos", photos);
            entry(zip, "manifest.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest), true, generatedAt);
        }
    }

    private ObjectNode serviceEntry(String service, String file, String status, byte[] body) {
        ObjectNode entry = json.createObjectNode();
        entry.put("service", service);
        entry.put("status", status);
        entry.put("file", file);
        entry.put("mediaType", "application/json");
        entry.put("bytes", body.length);
        entry.put("sha256", sha256(body));
        entry.put("description", NOTHING_HELD.equals(status)
                ? service + " holds nothing about the client in this clinic."
                : DESCRIPTIONS.get(service));
        return entry;
    }

    /** What stands in the archive for a service that holds nothing about the client: it says so. */
    private byte[] nothingHeld(Part part, UUID clinicId, UUID clientId, Instant at) throws IOException {
        ObjectNode node = json.createObjectNode();
        node.put("exportedAt", at.toString());
        node.put("clinicId", clinicId.toString());
        node.put("clientId", clientId.toString());
        node.put("service", part.service);
        node.put("nothingHeld", true);
        return json.writeValueAsBytes(node);
    }

    /** A part must be that service's export of this client: anything else is refused, not archived. */
    private void checkNamesClient(PartAnswer answer, UUID clientId) {
        JsonNode node = parse(answer);
        if (!clientId.toString().equals(node.path("clientId").asText())) {
            throw ExportPartsClient.refused(answer.part().service, "answered with a document that is not its export of this client");
        }
    }

    private List<UUID> photoIds(PartAnswer gallery) {
        if (gallery == null || !gallery.held()) {
            return List.of();
        }
        List<UUID> ids = new ArrayList<>();
        for (JsonNode photo : parse(gallery).path("photos")) {
            try {
                ids.add(UUID.fromString(photo.path("id").asText()));
            } catch (IllegalArgumentException e) {
                throw ExportPartsClient.refused(gallery.part().service, "listed a photo without a valid id");
            }
        }
        return ids;
    }

    private JsonNode parse(PartAnswer answer) {
        try {
            JsonNode node = json.readTree(answer.json());
            if (node == null || !node.isObject()) {
                throw ExportPartsClient.refused(answer.part().service, "answered with something other than a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw ExportPartsClient.refused(answer.part().service, "answered with something other than JSON");
        }
    }

    /** JSON is deflated; images (already compressed) are stored as they are. */
    private static void entry(ZipOutputStream zip, String name, byte[] bytes, boolean deflate, Instant at) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(at.toEpochMilli());
        if (!deflate) {
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            entry.setCompressedSize(bytes.length);
            entry.setCrc(crc.getValue());
        }
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static String extension(String mediaType) {
        String type = mediaType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image/jpeg" -> "jpg";
            case "image/png" -> "png";
            case "image/webp" -> "webp";
            default -> "bin";
        };
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temporary file is removed with the pod's /tmp; nothing to tell the caller
        }
    }
}
