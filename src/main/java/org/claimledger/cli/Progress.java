package org.claimledger.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Progress bars on standard error (standard output stays the command's answer, an export's bytes). */
final class Progress {

    private Progress() {
    }

    /** A bar of {@code max} bytes, or of bytes counted as they come when the total is not known ({@code max < 0}). */
    static ProgressBar bytes(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setUnit(" KiB", 1024)
                .setStyle(ProgressBarStyle.ASCII).showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** A bar of {@code max} items. */
    static ProgressBar items(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    }

    /** Counts what is read through it on the bar. */
    static InputStream counted(InputStream in, ProgressBar bar) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bar.step();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    bar.stepBy(n);
                }
                return n;
            }
        };
    }

    /** Counts what is written through it on the bar. */
    static OutputStream counted(OutputStream out, ProgressBar bar) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
                bar.step();
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                out.write(buffer, offset, length);
                bar.stepBy(length);
            }
        };
    }
}
