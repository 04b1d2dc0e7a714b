package dev.offloadbench.benchmarks;

import java.util.Locale;

/**
 * A large project README (about 200 KB) with its {@code ## Benchmarks} section in the middle:
 * many level-2 and level-3 sections, tables, and fenced code blocks (backtick and tilde fences)
 * whose lines look like headings, {@code ## Benchmarks} included, so that finding the section
 * has to follow every fence.
 */
public final class SampleReadme {
    /** The size the README grows to, in characters (all ASCII, so bytes too). */
    public static final int TARGET_SIZE = 200 * 1024;

    private SampleReadme() {
    }

    /** The README text with the given Benchmarks section (heading included) about halfway down. */
    public static String text(String benchmarksSection) {
        return text(benchmarksSection, TARGET_SIZE);
    }

    /** The same README grown to about {@code size} characters (bytes: it is ASCII), the section halfway down. */
    public static String text(String benchmarksSection, int size) {
        StringBuilder text = new StringBuilder(size + 16 * 1024);
        text.append("# mng\n\nA monorepo of services, with a test suite of 5,275 tests.\n\n");
        int section = 0;
        boolean benchmarksWritten = false;
        while (text.length() < size || !benchmarksWritten) {
            if (!benchmarksWritten && text.length() >= size / 2) {
                text.append(benchmarksSection.strip()).append("\n\n");
                benchmarksWritten = true;
            }
            appendSection(text, section++);
        }
        return text.toString();
    }

    private static void appendSection(StringBuilder text, int n) {
        text.append(String.format(Locale.ROOT, "## Part %d: service %s\n\n", n, service(n)));
        text.append("This part describes how the ").append(service(n)).append(" service is built, configured and"
                + " tested. Run the commands below from the repository root; they assume `just` and `uv` are on"
                + " the PATH and a Postgres 16 is listening on localhost.\n\n");
        text.append("### Setup\n\n```bash\n# install the service's dependencies\nuv sync --package ")
                .append(service(n)).append("\n## Benchmarks are not run here: this is a comment\n"
                        + "just test-").append(service(n)).append(" -n 8\n```\n\n");
        text.append("### Configuration\n\n| key | default | meaning |\n|-----|---------|---------|\n");
        for (int row = 0; row < 8; row++) {
            text.append(String.format(Locale.ROOT, "| `%s.option_%d` | `%d` | how many %s workers to start |\n",
                    service(n), row, row * 4, service(n)));
        }
        text.append("\n~~~python\n# a fenced example with a heading-like comment\n"
                + "## Benchmarks\n"
                + "def test_").append(service(n)).append("(client):\n"
                + "    assert client.get(\"/health\").status_code == 200\n~~~\n\n");
        text.append("```text\n# Part ").append(n).append(" output\n");
        for (int line = 0; line < 6; line++) {
            text.append("........................................................................ [")
                    .append(String.format(Locale.ROOT, "%3d", (line + 1) * 16)).append("%]\n");
        }
        text.append("```\n\n");
    }

    private static String service(int n) {
        String[] names = {"orders", "billing", "catalog", "search", "accounts", "shipping", "reviews", "gateway"};
        return names[n % names.length] + (n / names.length == 0 ? "" : String.valueOf(n / names.length));
    }
}
