package io.stipple.gallery.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.configuration.MemorySize;
import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.image.DecodeMemory;
import io.stipple.gallery.image.ImagePipeline;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Runs the {@link ImagePipeline} with the configured limits and times it. Every upload reserves the memory its
 * image needs from one {@link DecodeMemory} per instance ({@code gallery.upload.decode-memory}, by default half the
 * heap) before decoding, and waits for room up to {@link #WAIT_FOR_MEMORY}.
 */
@ApplicationScoped
public class ImageProcessor {

    /** How long an upload waits for decode memory before {@code 503 gallery-busy}. */
    static final Duration WAIT_FOR_MEMORY = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(ImageProcessor.class);

    @Inject
    GalleryConfig config;

    @Inject
    MeterRegistry registry;

    private ImagePipeline pipeline;
    private Timer timer;

    @PostConstruct
    void init() {
        long bytes = config.upload().decodeMemory().map(MemorySize::asLongValue).orElseGet(DecodeMemory::defaultCapacity);
        DecodeMemory memory = new DecodeMemory(bytes, WAIT_FOR_MEMORY);
        LOG.infof("image decode memory %d MB of a %d MB maximum heap", memory.capacity() >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
        pipeline = new ImagePipeline(settings(config), memory);
        timer = registry.timer("stipple.gallery.image.pipeline");
    }

    public static ImagePipeline.Settings settings(GalleryConfig config) {
        GalleryConfig.Images images = config.images();
        GalleryConfig.Upload upload = config.upload();
        return new ImagePipeline.Settings(upload.maxSize().asLongValue(), upload.maxPixels(), upload.maxSide(),
                images.displayMaxSide(), images.thumbnailMaxSide(), images.fullQuality(), images.displayQuality(),
                images.thumbnailQuality());
    }

    public long maxBytes() {
        return pipeline.settings().maxBytes();
    }

    /** The pipeline; the timer covers decoding and renditions, not the wait for memory. */
    public ImagePipeline.Result process(byte[] data) {
        try (ImagePipeline.Admission admission = pipeline.admit(data)) {
            return timer.record(() -> pipeline.render(admission));
        }
    }
}
