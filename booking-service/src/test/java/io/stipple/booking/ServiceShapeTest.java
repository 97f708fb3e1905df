package io.stipple.booking;
import io.stipple.testinfra.ServiceShape;
import org.junit.jupiter.api.Test;
/** booking-service has the one service shape (docs/CONTRIBUTING.md): checked on its compiled classes by ArchUnit. */
class ServiceShapeTest {
    @Test
    void followsTheServiceShape() {
        ServiceShape.check("io.stipple.booking");
    }
}
