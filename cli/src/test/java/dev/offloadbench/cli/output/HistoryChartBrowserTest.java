package dev.offloadbench.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offloadbench.cli.Fixtures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history chart as a real browser draws it: Debian's Chromium, headless, takes a screenshot of
 * the SVG file, and every point must be there in its kind's colour (an INVALID one red), where the
 * chart's own scale puts it, on a white plot with its title drawn. This catches what parsing cannot:
 * an SVG the browser shows as text, a wrong namespace or viewBox, fills it does not apply.
 * {@code .ci/run} installs chromium; without it the test is skipped, except under CI.
 */
class HistoryChartBrowserTest {
    @TempDir
    Path dir;

    private BufferedImage screenshot(Path svg) throws IOException, InterruptedException {
        Path png = dir.resolve("chart.png");
        List<String> command = List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--force-device-scale-factor=1", "--window-size=720,360", "--user-data-dir=" + dir.resolve("profile"),
                "--screenshot=" + png, svg.toUri().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("chromium.log").toFile());
        builder.environment().put("HOME", dir.toString());
        Process chromium = builder.start();
        List<ProcessHandle> started = new ArrayList<>();
        try {
            boolean ended = chromium.waitFor(120, TimeUnit.SECONDS);
            assertThat(ended).as("chromium took its screenshot within 2 minutes").isTrue();
            assertThat(chromium.exitValue()).as(Files.readString(dir.resolve("chromium.log"))).isZero();
        } finally {
            chromium.descendants().forEach(started::add);
            started.forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();
        return ImageIO.read(png.toFile());
    }

    private static int[] rgb(BufferedImage image, double x, double y) {
        int pixel = image.getRGB((int) Math.round(x), (int) Math.round(y));
        return new int[] {(pixel >> 16) & 0xff, (pixel >> 8) & 0xff, pixel & 0xff};
    }

    private static int[] hex(String colour) {
        int value = Integer.parseInt(colour.substring(1), 16);
        return new int[] {(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff};
    }

    private static boolean near(int[] actual, int[] expected, int tolerance) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(actual[i] - expected[i]) > tolerance) {
                return false;
            }
        }
        return true;
    }

    @Test
    void chromiumDrawsEveryPointInItsColourWhereTheScaleSays() throws Exception {
        Fixtures.requireTool("chromium");
        String svg = HistoryChart.write(HistoryChartTest.mng());
        Path file = Files.writeString(dir.resolve("mng.svg"), svg, StandardCharsets.UTF_8);
        SvgChart chart = SvgChart.parse(svg);

        BufferedImage image = screenshot(file);

        assertThat(image.getWidth()).isEqualTo(720);
        assertThat(image.getHeight()).isEqualTo(360);
        for (SvgChart.Point point : chart.points()) {
            int[] seen = rgb(image, point.x(), point.y());
            assertThat(near(seen, hex(point.colour()), 40))
                    .as("%s at (%.1f, %.1f) is %s, expected about %s", point.title(), point.x(), point.y(),
                            java.util.Arrays.toString(seen), point.colour())
                    .isTrue();
        }
        // the plot's background is white, away from every line and point
        assertThat(rgb(image, chart.plotX() + 3, chart.plotY() + chart.plotHeight() - 3))
                .satisfies(white -> assertThat(near(white, new int[] {255, 255, 255}, 10)).isTrue());
        // the title is drawn: dark pixels where it stands
        int dark = 0;
        for (int x = 200; x < 520; x++) {
            for (int y = 10; y < 30; y++) {
                int[] pixel = rgb(image, x, y);
                if (pixel[0] < 100 && pixel[1] < 100 && pixel[2] < 100) {
                    dark++;
                }
            }
        }
        assertThat(dark).as("dark pixels of the title").isGreaterThan(100);
    }
}
