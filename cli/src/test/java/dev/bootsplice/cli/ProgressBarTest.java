package dev.bootsplice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void disabledBarPrintsNothing() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), "extract", 10, false, System::nanoTime)) {
            bar.advance(5);
            bar.advance(5);
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void enabledBarRedrawsInPlaceAtMostEveryIntervalAndErasesItself() {
        StringWriter err = new StringWriter();
        AtomicLong now = new AtomicLong(0);
        ProgressBar bar = new ProgressBar(new PrintWriter(err), "extract", 100, true, now::get);
        bar.advance(10);
        bar.advance(10);
        assertThat(err.toString()).isEqualTo("\rextract [===>" + " ".repeat(26) + "]  10%");
        now.addAndGet(200_000_000L);
        bar.advance(30);
        assertThat(err.toString()).endsWith("\rextract [===============>" + " ".repeat(14) + "]  50%");
        bar.advance(50);
        assertThat(err.toString()).endsWith("[" + "=".repeat(30) + "] 100%");
        int length = err.toString().length();
        now.addAndGet(200_000_000L);
        bar.update(100);
        assertThat(err.toString()).as("an unchanged line is not drawn again").hasSize(length);
        bar.close();
        assertThat(err.toString()).endsWith("\r" + " ".repeat(45) + "\r");
    }

    @Test
    void emptyWorkRendersAsComplete() {
        ProgressBar bar = new ProgressBar(new PrintWriter(new StringWriter()), "x", 0, true, System::nanoTime);
        assertThat(bar.render()).endsWith("100%");
    }
}
