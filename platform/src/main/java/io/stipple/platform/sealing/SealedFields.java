package io.stipple.platform.sealing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stipple.platform.events.InvalidEventException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * The personal fields of an event, sealed with the subject's own key (crypto-shredding): client-service encrypts
 * them with the client's key, which it alone stores and destroys when the client is erased; from then on every copy
 * of the event (the topic, dead-letter topics, backups of either) is ciphertext nobody can open.
 *
 * <p>The sealed object in the event's {@code data} is {@code {"alg":"A256GCM","iv":"<base64, 12 bytes>",
 * "ciphertext":"<base64: the JSON object of the fields, AES-256-GCM, tag appended>"}}. The additional authenticated
 * data binds it to its clinic and subject ({@code stipple-sealed-v1:<clinicId>:<subjectId>}): a sealed object copied
 * into another client's event does not open.
 */
public final class SealedFields {

    public static final String FIELD = "sealed";
    public static final String ALGORITHM = "A256GCM";

    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private SealedFields() {
    }

    /** A new random 256-bit key for one subject. */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Seals {@code fields} (a JSON object) for the subject; a fresh IV each time. */
    public static ObjectNode seal(byte[] key, UUID clinicId, UUID subjectId, ObjectNode fields) {
        requireKey(key);
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, iv, clinicId, subjectId);
            byte[] sealed = cipher.doFinal(JSON.writeValueAsBytes(fields));
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("alg", ALGORITHM);
            node.put("iv", Base64.getEncoder().encodeToString(iv));
            node.put("ciphertext", Base64.getEncoder().encodeToString(sealed));
            return node;
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /**
     * The fields sealed in {@code sealed} for this clinic and subject. A sealed object that is malformed, was altered,
     * or belongs to another subject or key is an {@link InvalidEventException} (it will never open).
     */
    public static ObjectNode open(byte[] key, UUID clinicId, UUID subjectId, JsonNode sealed) {
        requireKey(key);
        if (sealed == null || !sealed.isObject()) {
            throw new InvalidEventException("sealed must be an object");
        }
        if (!ALGORITHM.equals(sealed.path("alg").asText())) {
            throw new InvalidEventException("sealed.alg must be " + ALGORITHM + " but was " + sealed.path("alg"));
        }
        byte[] iv;
        byte[] ciphertext;
        try {
            iv = Base64.getDecoder().decode(sealed.path("iv").asText(""));
            ciphertext = Base64.getDecoder().decode(sealed.path("ciphertext").asText(""));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("sealed.iv and sealed.ciphertext must be base64", e);
        }
        if (iv.length != IV_BYTES || ciphertext.length < TAG_BITS / 8) {
            throw new InvalidEventException("sealed.iv must be 12 bytes and sealed.ciphertext hold at least the tag");
        }
        try {
            byte[] plain = cipher(Cipher.DECRYPT_MODE, key, iv, clinicId, subjectId).doFinal(ciphertext);
            JsonNode fields = JSON.readTree(new String(plain, StandardCharsets.UTF_8));
            if (!(fields instanceof ObjectNode object)) {
                throw new InvalidEventException("sealed fields are not a JSON object");
            }
            return object;
        } catch (AEADBadTagException e) {
            throw new InvalidEventException("sealed fields do not open with the subject's key (altered, or another subject's)", e);
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new InvalidEventException("sealed fields cannot be opened: " + e.getMessage(), e);
        }
    }

    /** {@code data} with the sealed object replaced by the fields it holds. */
    public static ObjectNode merged(JsonNode data, ObjectNode fields) {
        ObjectNode copy = ((ObjectNode) data).deepCopy();
        copy.remove(FIELD);
        fields.fields().forEachRemaining(f -> copy.set(f.getKey(), f.getValue()));
        return copy;
    }

    private static Cipher cipher(int mode, byte[] key, byte[] iv, UUID clinicId, UUID subjectId)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("stipple-sealed-v1:" + clinicId + ":" + subjectId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static void requireKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a subject key is 32 bytes");
        }
    }
}
