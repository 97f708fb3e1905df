package io.stipple.stack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SystemBench's one-line reading of {@code jcmd <pid> VM.native_memory summary scale=KB}. */
class NativeMemorySummaryTest {

    /** The shape JDK 17 and 25 print (trimmed), in KB. */
    private static final String JDK_17 = """
            12345:

            Native Memory Tracking:

            (Omitting categories weighting less than 1KB)

            Total: reserved=1612345KB, committed=243712KB
                   malloc: 40000KB #100000
                   mmap:   reserved=1572345KB, committed=203712KB

            -                 Java Heap (reserved=131072KB, committed=45056KB)
                                        (mmap: reserved=131072KB, committed=45056KB)

            -                     Class (reserved=1114112KB, committed=61440KB)
                                        (classes #21234)
                                        (  instance classes #20001, array classes #1233)

            -                    Thread (reserved=50000KB, committed=4200KB)
                                        (thread #52)

            -                      Code (reserved=49152KB, committed=23552KB)

            -                        GC (reserved=1000KB, committed=500KB)

            -                   Tracing (reserved=1KB, committed=1KB)

            -                   Unknown (reserved=10KB, committed=0KB)
            """;

    @Test
    void eachCategoryCommittedInMbLargestFirstWithTheClassCount() {
        assertThat(SystemBench.summarise(JDK_17)).isEqualTo(
                "total 238, Class 60 (21234 classes), Java Heap 44, Code 23, Thread 4");
    }

    @Test
    void aJvmWithoutTrackingSaysSo() {
        assertThat(SystemBench.summarise("12345:\nNative memory tracking is not enabled\n"))
                .isEqualTo("no NMT summary (Native memory tracking is not enabled)");
    }
}
