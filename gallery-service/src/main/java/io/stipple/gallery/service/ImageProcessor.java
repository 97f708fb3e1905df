package io.stipple.gallery.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stipple.gallery.config.GalleryConfig;
import io.stipple.gallery.image.ImagePipeline;
import io.stipple.platform.problem.ProblemException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Runs the {@link ImagePipeline} with the configured limits, a bounded number at a time, and times it. */
@ApplicationScoped
public class ImageProcessor {

    @Inject
    GalleryConfig config;

    @Inject
    MeterRegistry registry;

    private ImagePipeline pipeline;
    private Semaphore decodes;
    private Timer timer;

    @PostConstruct
    void init() {
        pipeline = new ImagePipeline(settings(config));
        decodes = new Semaphore(Math.max(1, config.upload().maxConcurrentDecodes()), true);
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

    public ImagePipeline.Result process(byte[] data) {
        boolean acquired;
        try {
            acquired = decodes.tryAcquire(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException(503, "gallery-busy", "Service busy",
                    "Too many images are being processed; retry shortly").header("Retry-After", "5");
        }
        try {
            return timer.record(() -> pipeline.process(data));
        } finally {
            decodes.release();
        }
    }
}
