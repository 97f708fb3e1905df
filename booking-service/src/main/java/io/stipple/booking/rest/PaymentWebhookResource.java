package io.stipple.booking.rest;

import io.stipple.booking.service.PaymentWebhooks;
import io.stipple.platform.problem.Problem;
import io.stipple.platform.security.AccessRule;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Stripe's webhook endpoint. No bearer token: Stripe signs every delivery ({@code Stripe-Signature}, HMAC-SHA256 with
 * the endpoint's signing secret over the timestamp and the raw body), and the signature is verified over the raw body
 * before anything is read. The clinic comes from the payment intent's metadata, never from the caller.
 */
@Path("/api/v1/payments/stripe/webhook")
@PermitAll
@SecurityScheme(securitySchemeName = PaymentWebhookResource.SCHEME, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
        apiKeyName = PaymentWebhookResource.SIGNATURE, description = "Stripe's signature of the delivery: t=<unix time>,"
        + "v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with the endpoint's signing secret (booking.payments.stripe.webhook-secret)>")
@SecurityRequirement(name = PaymentWebhookResource.SCHEME)
@Tag(name = "Payments", description = "The payment provider's webhook (deposits are read through their booking)")
public class PaymentWebhookResource {

    /** Stripe's signature header. */
    public static final String SIGNATURE = "Stripe-Signature";
    static final String SCHEME = "stripeSignature";

    @Inject
    PaymentWebhooks webhooks;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Extension(name = AccessRule.EXTENSION, value = "public")
    @Operation(summary = "Receive a Stripe event", description = "Verifies the Stripe-Signature over the raw body, then "
            + "applies payment_intent.succeeded (the booking is confirmed: BookingConfirmed and DepositPaid; a payment for "
            + "a booking whose time ran out is refunded in full), payment_intent.payment_failed (recorded; the booking "
            + "waits until its time to pay runs out), payment_intent.processing, payment_intent.canceled and "
            + "charge.refunded (recorded). Each event is applied once (a replay answers 200 and changes nothing); a "
            + "payment's state only moves forward. Other types and unknown intents: 200, ignored.")
    @RequestBody(description = "The Stripe event, byte for byte as Stripe sent it", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT, maxProperties = 50)))
    @APIResponse(responseCode = "204", description = "Received (applied, or nothing to do)")
    @APIResponse(responseCode = "400", description = "The signature is missing, wrong or too old (invalid-signature): nothing changed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void receive(@HeaderParam(SIGNATURE) @Parameter(hidden = true) String signature,
                        String payload) {
        webhooks.receive(payload, signature);
    }
}
