package io.stipple.gallery.storage;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Object names, all generated here: {@code clinics/<clinic>/clients/<client>/<random>.jpg}. The client prefix
 * lets erasure remove everything of a client at once; the random part reveals nothing and cannot be guessed.
 */
public final class ObjectKeys {

    private static final Pattern SAFE = Pattern.compile("[a-z0-9][a-z0-9/\\-]*(\\.jpg)?");
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern CLIENT_PREFIX = Pattern.compile("clinics/" + UUID_PATTERN + "/clients/" + UUID_PATTERN + "/");

    private ObjectKeys() {
    }

    public static String clientPrefix(UUID clinicId, UUID clientId) {
        return "clinics/" + clinicId + "/clients/" + clientId + "/";
    }

    public static String newImageKey(UUID clinicId, UUID clientId, String kind) {
        return clientPrefix(clinicId, clientId) + kind + "-" + UUID.randomUUID() + ".jpg";
    }

    /** Refuses anything that is not a name this class could have made (no {@code ..}, no absolute paths). */
    public static String requireSafe(String key) {
        if (key == null || key.contains("..") || key.contains("//") || !SAFE.matcher(key).matches()) {
            throw new IllegalArgumentException("not a gallery object name: " + key);
        }
        return key;
    }

    /** Only a whole client's prefix may be deleted at once: nothing broader can be wiped by mistake. */
    public static String requireSafePrefix(String prefix) {
        if (prefix == null || !CLIENT_PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("not a client prefix: " + prefix);
        }
        return prefix;
    }
}
