package io.stipple.gallery.image;

import io.stipple.platform.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** One memory budget for every decode: too big for all of it → 422 before decoding; no room yet → wait, then 503. */
class DecodeMemoryTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    final ExecutorService uploads = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        uploads.shutdownNow();
    }

    @Test
    void aSixteenBitPngThatWouldFitAtEightBitsIsRefusedBeforeDecodingWhileTheEightBitOnePasses() {
        // 16 bits a sample weigh when decoding outweighs rendering: an image large next to its display size
        byte[] eight = TestImages.png8(200, 150);
        byte[] sixteen = TestImages.png16(200, 150, false);
        DecodeMemory memory = new DecodeMemory(280_000, WAIT);
        ImagePipeline pipeline = new ImagePipeline(new ImagePipeline.Settings(20L * 1024 * 1024, 60_000_000L, 12_000,
                100, 50, 0.9f, 0.85f, 0.8f), memory);
        assertThat(pipeline.memoryNeed(eight).total()).isLessThanOrEqualTo(memory.capacity());
        assertThat(pipeline.memoryNeed(sixteen).total()).isGreaterThan(memory.capacity());

        assertThatThrownBy(() -> pipeline.process(sixteen)).isInstanceOfSatisfying(ProblemException.class, p -> {
            assertThat(p.status()).isEqualTo(422);
            assertThat(p.slug()).isEqualTo("image-dimensions-too-large");
            assertThat(p.getMessage()).contains("200 × 150", "48 bits", "0.3 MB this instance may use");
        });
        assertThat(memory.available()).isEqualTo(memory.capacity()); // nothing was reserved for it

        ImagePipeline.Result result = pipeline.process(eight);
        assertThat(result.width()).isEqualTo(200);
        assertThat(memory.available()).isEqualTo(memory.capacity()); // given back
    }

    @Test
    void twoUploadsThatTogetherExceedTheMemoryAreDecodedOneAfterTheOther() throws Exception {
        byte[] first = TestImages.jpeg(400, 300, 1);
        byte[] second = TestImages.jpeg(400, 300, 2);
        ImagePipeline sizing = new ImagePipeline(ImagePipelineTest.SETTINGS);
        long need = Math.max(sizing.memoryNeed(first).total(), sizing.memoryNeed(second).total());
        DecodeMemory memory = new DecodeMemory(need * 3 / 2, WAIT); // room for one, not for two
        ImagePipeline pipeline = new ImagePipeline(ImagePipelineTest.SETTINGS, memory);

        Future<ImagePipeline.Result> secondUpload;
        try (ImagePipeline.Admission admitted = pipeline.admit(first)) {
            assertThat(memory.available()).isLessThan(need);
            secondUpload = uploads.submit(() -> pipeline.process(second));
            await().atMost(Duration.ofSeconds(10)).until(() -> memory.waiting() == 1);
            assertThat(secondUpload).isNotDone(); // queued for memory, before its header's pixels are decoded

            ImagePipeline.Result firstResult = pipeline.render(admitted);
            assertThat(firstResult.width()).isEqualTo(400);
            assertThat(memory.waiting()).isEqualTo(1);
            assertThat(secondUpload).isNotDone(); // still waiting: the first one holds its memory until closed
        }
        ImagePipeline.Result secondResult = secondUpload.get(30, TimeUnit.SECONDS);
        assertThat(secondResult.sha256()).isEqualTo(ImagePipeline.sha256(second));
        assertThat(memory.available()).isEqualTo(memory.capacity());
    }

    @Test
    void anUploadThatFindsNoRoomWithinTheWaitIs503GalleryBusy() {
        byte[] jpeg = TestImages.jpeg(400, 300, 3);
        ImagePipeline sizing = new ImagePipeline(ImagePipelineTest.SETTINGS);
        DecodeMemory memory = new DecodeMemory(sizing.memoryNeed(jpeg).total() * 3 / 2, Duration.ZERO);
        ImagePipeline pipeline = new ImagePipeline(ImagePipelineTest.SETTINGS, memory);
        try (ImagePipeline.Admission ignored = pipeline.admit(jpeg)) {
            assertThatThrownBy(() -> pipeline.process(jpeg)).isInstanceOfSatisfying(ProblemException.class, p -> {
                assertThat(p.status()).isEqualTo(503);
                assertThat(p.slug()).isEqualTo("gallery-busy");
            });
        }
        assertThat(pipeline.process(jpeg).width()).isEqualTo(400); // room again once the first is done
    }

    @Test
    void aLeaseIsGivenBackOnceAndMemoryIsCountedInWholeKibibytes() {
        DecodeMemory memory = new DecodeMemory(10 * 1024 + 500, WAIT);
        assertThat(memory.capacity()).isEqualTo(10 * 1024);
        assertThat(memory.fits(10 * 1024)).isTrue();
        assertThat(memory.fits(10 * 1024 + 1)).isFalse();
        DecodeMemory.Lease lease = memory.reserve(1);
        assertThat(lease.bytes()).isEqualTo(1024);
        assertThat(memory.available()).isEqualTo(9 * 1024);
        lease.close();
        lease.close();
        assertThat(memory.available()).isEqualTo(10 * 1024);
        assertThatThrownBy(() -> memory.reserve(10 * 1024 + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void byDefaultHalfTheHeap() {
        assertThat(DecodeMemory.defaultCapacity()).isEqualTo((long) (Runtime.getRuntime().maxMemory() * 0.5));
        assertThat(new ImagePipeline(ImagePipelineTest.SETTINGS).memory().capacity())
                .isBetween(DecodeMemory.defaultCapacity() - 1024, DecodeMemory.defaultCapacity());
    }
}
