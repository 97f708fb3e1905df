package io.stipple.stack;

import io.stipple.testinfra.DevTokens;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What a developer needs once the stack is up: URLs, Swagger UIs and ready-to-paste demo tokens. */
final class Banner {

    private final LocalStack stack;
    private final DemoData.Seeded demo;
    private final PrintStream out;

    Banner(LocalStack stack, DemoData.Seeded demo, PrintStream out) {
        this.stack = stack;
        this.demo = demo;
        this.out = out;
    }

    void print() {
        out.println();
        out.println("Stipple is up.");
        out.println();
        out.printf("  %-21s %-24s %s%n", "service", "API", "Swagger UI / OpenAPI");
        for (Service s : Service.values()) {
            out.printf("  %-21s %-24s %s/q/swagger-ui  %s/q/openapi%n", s.artifact, stack.baseUrl(s),
                    stack.baseUrl(s), stack.baseUrl(s));
        }
        if (stack.replicas() > 1) {
            out.printf("  (each service: %d instances behind a round-robin proxy on its port; logs <service>-<n>.log)%n",
                    stack.replicas());
        }
        out.printf("  PostgreSQL            jdbc:postgresql://localhost:%d/<client|booking|notification|gallery> (user %s)%n",
                stack.postgres().port(), stack.postgres().username());
        out.printf("  Kafka                 %s%n", stack.kafka().bootstrapServers());
        out.printf("  SMTP sink             localhost:%d (reminder e-mails land here)%n", stack.smtp().getSmtp().getPort());
        out.printf("  Logs                  %s%n", stack.logFile(Service.CLIENT).getParent());
        out.println();
        if (demo.clinicId() != null) {
            Instant expires = Instant.now().plus(12, ChronoUnit.HOURS);
            out.println("Demo clinic " + demo.clinicName() + " (" + demo.clinicId() + "). "
                    + "DEVELOPMENT tokens, valid 12 h, signed with the committed dev key:");
            out.println();
            token("admin", DevTokens.builder().subject("demo-admin").clinic(demo.clinicId()).roles("admin").expiresAt(expires).sign());
            token("staff", DevTokens.builder().subject("demo-staff").clinic(demo.clinicId()).roles("staff").expiresAt(expires).sign());
            if (demo.clientId() != null) {
                token("client (" + demo.clientName() + ")", DevTokens.builder().subject("demo-client").clinic(demo.clinicId())
                        .roles("client").clientId(demo.clientId()).expiresAt(expires).sign());
            }
            token("partner", DevTokens.builder().subject("demo-partner").clinic(demo.clinicId()).roles("partner")
                    .partnerId(DemoData.PARTNER_ID).expiresAt(expires).sign());
            out.println("First call:");
            out.println("  export TOKEN=<the staff token above>");
            out.println("  curl -s -H \"Authorization: Bearer $TOKEN\" " + stack.baseUrl(Service.CLIENT) + "/api/v1/clients");
            out.println();
        }
        out.println("Press Ctrl-C to stop everything.");
    }

    private void token(String role, String token) {
        out.println("  " + role + ":");
        out.println("    " + token);
        out.println();
    }
}
